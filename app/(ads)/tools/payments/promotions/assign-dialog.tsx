"use client";
// View/Assign: an assignable credit's details, the campaigns it is assigned to (each removable), and a
// picker of the account's other campaigns with the R10 limit counter. Only admins may change anything;
// the server enforces that whatever this component shows.
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SpinnerIcon } from "@/components/ui/spinner";
import { assignCampaigns, unassignCampaigns } from "./actions";

export type CampaignOption = {
  id: string;
  name: string;
  /** Ad product and status, in words. */
  detail: string;
  /** Why the credit can't go to this campaign, or null when it can. */
  reason: string | null;
};

export type AssignDialogData = {
  creditId: string;
  name: string;
  facts: { label: string; lines: string[] }[];
  limit: number;
  assigned: CampaignOption[];
  candidates: CampaignOption[];
  /** Why this person can't change the credit's campaigns now, or null when they can. */
  locked: string | null;
};

type Feedback = { kind: "error" | "done"; text: string } | null;

export function AssignDialog({
  accountId,
  data,
  onClose,
}: {
  accountId: string;
  data: AssignDialogData;
  onClose: () => void;
}) {
  const [open, setOpen] = useState(true);
  const [picking, setPicking] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [pending, startTransition] = useTransition();
  const lockId = useId();
  const pickerId = useId();
  const assignButtonId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const focusAfter = useRef<"assign" | "heading" | null>(null);

  const count = data.assigned.length + selected.size;
  const over = count > data.limit;

  // After a change the button that was used has gone; put focus somewhere that makes sense.
  useEffect(() => {
    if (focusAfter.current === "assign") document.getElementById(assignButtonId)?.focus();
    if (focusAfter.current === "heading") heading.current?.focus();
    focusAfter.current = null;
  }, [picking, data.assigned.length, assignButtonId]);

  const close = () => {
    setOpen(false);
    onClose();
  };

  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const names = (ids: readonly string[], from: CampaignOption[]) =>
    ids.map((id) => from.find((c) => c.id === id)?.name ?? id).join(", ");

  const confirm = () =>
    startTransition(async () => {
      const ids = [...selected];
      const result = await assignCampaigns({ accountId, creditId: data.creditId, campaignIds: ids });
      if (!result.ok) {
        setFeedback({ kind: "error", text: result.message });
        return;
      }
      setFeedback({ kind: "done", text: `Assigned to ${names(ids, data.candidates)}.` });
      setSelected(new Set());
      focusAfter.current = "assign";
      setPicking(false);
    });

  const remove = (c: CampaignOption) =>
    startTransition(async () => {
      const result = await unassignCampaigns({ accountId, creditId: data.creditId, campaignIds: [c.id] });
      if (!result.ok) {
        setFeedback({ kind: "error", text: result.message });
        return;
      }
      focusAfter.current = "heading";
      setFeedback({ kind: "done", text: `Removed ${c.name}.` });
    });

  const eligible = data.candidates.filter((c) => !c.reason);
  const ineligible = data.candidates.filter((c) => c.reason);

  return (
    <Dialog
      open={open}
      onClose={close}
      title="View/Assign credit"
      description={`${data.name} · ${data.creditId}`}
      width="max-w-2xl"
      footer={
        picking ? (
          <>
            <Button
              onClick={() => {
                setPicking(false);
                setSelected(new Set());
              }}
            >
              Cancel
            </Button>
            <Button variant="primary" onClick={confirm} disabled={pending || selected.size === 0}>
              {pending && <SpinnerIcon inverse />}
              Confirm
            </Button>
          </>
        ) : (
          <Button onClick={close}>Close</Button>
        )
      }
    >
      {feedback?.kind === "error" && (
        <div role="alert" className="mb-4 rounded-md border border-danger/30 bg-danger-soft px-3 py-2.5 text-[13px] text-danger">
          {feedback.text}
        </div>
      )}
      <div role="status" aria-live="polite">
        {feedback?.kind === "done" && (
          <p className="mb-4 rounded-md bg-ok-soft px-3 py-2.5 text-[13px] text-ok">{feedback.text}</p>
        )}
      </div>

      <dl className="grid grid-cols-1 gap-x-6 gap-y-3 rounded-lg border border-line bg-[#fafbfc] p-4 text-[13px] sm:grid-cols-2">
        {data.facts.map((f) => (
          <div key={f.label}>
            <dt className="text-xs text-ink-3">{f.label}</dt>
            {f.lines.map((l) => (
              <dd key={l} className="tabular-nums">
                {l}
              </dd>
            ))}
          </div>
        ))}
      </dl>

      <section aria-labelledby={`${pickerId}-assigned`} className="mt-5">
        <div className="flex items-baseline justify-between gap-3">
          <h3 ref={heading} tabIndex={-1} id={`${pickerId}-assigned`} className="text-[13px] font-semibold focus:outline-none">
            Assigned campaigns
          </h3>
          <p aria-live="polite" className={`text-[13px] tabular-nums ${over ? "font-medium text-danger" : "text-ink-2"}`}>
            <span>
              {count} / {data.limit}
            </span>{" "}
            campaigns{over ? ": over the limit" : ""}
          </p>
        </div>
        {data.assigned.length === 0 ? (
          <p className="mt-2 rounded-lg border border-dashed border-line px-3 py-4 text-center text-[13px] text-ink-3">
            Not assigned to any campaign yet. This credit pays only for the campaigns it is assigned to.
          </p>
        ) : (
          <ul className="mt-2 divide-y divide-line rounded-lg border border-line">
            {data.assigned.map((c) => (
              <li key={c.id} className="flex items-center justify-between gap-3 px-3 py-2">
                <div className="min-w-0">
                  <p className="truncate text-[13px] font-medium">{c.name}</p>
                  <p className="text-xs text-ink-3">{c.detail}</p>
                </div>
                <Button
                  size="sm"
                  variant="ghost"
                  disabled={pending || data.locked !== null}
                  aria-describedby={data.locked ? lockId : undefined}
                  onClick={() => remove(c)}
                  className="shrink-0 text-danger hover:text-danger"
                >
                  Remove<span className="sr-only"> {c.name}</span>
                </Button>
              </li>
            ))}
          </ul>
        )}
      </section>

      {data.locked && (
        <p id={lockId} className="mt-3 text-xs text-ink-2">
          {data.locked}
        </p>
      )}

      {!picking ? (
        <Button
          id={assignButtonId}
          className="mt-4"
          disabled={data.locked !== null}
          aria-describedby={data.locked ? lockId : undefined}
          onClick={() => {
            setFeedback(null);
            setPicking(true);
          }}
        >
          <svg aria-hidden viewBox="0 0 20 20" className="size-4" fill="currentColor">
            <path d="M10 4a1 1 0 0 1 1 1v4h4a1 1 0 1 1 0 2h-4v4a1 1 0 1 1-2 0v-4H5a1 1 0 1 1 0-2h4V5a1 1 0 0 1 1-1Z" />
          </svg>
          Assign campaign
        </Button>
      ) : (
        <fieldset className="mt-5">
          <legend className="text-[13px] font-semibold">Choose campaigns to assign</legend>
          <p className="mt-0.5 text-xs text-ink-3">
            Only active or scheduled campaigns with an ad product this credit allows can use it.
          </p>
          {data.candidates.length === 0 ? (
            <p className="mt-2 text-[13px] text-ink-3">Every campaign of this ad account already has this credit.</p>
          ) : (
            <ul className="mt-2 divide-y divide-line rounded-lg border border-line">
              {[...eligible, ...ineligible].map((c) => {
                const box = `${pickerId}-${c.id}`;
                return (
                  <li key={c.id} className={`flex items-start gap-3 px-3 py-2.5 ${c.reason ? "bg-[#fafbfc]" : ""}`}>
                    <input
                      type="checkbox"
                      id={box}
                      checked={selected.has(c.id)}
                      disabled={c.reason !== null}
                      onChange={(e) => toggle(c.id, e.target.checked)}
                      aria-describedby={`${box}-detail${c.reason ? ` ${box}-reason` : ""}`}
                      className="mt-0.5 size-4 shrink-0 accent-[var(--color-brand)]"
                    />
                    <div className="min-w-0 text-[13px]">
                      <label htmlFor={box} className={`font-medium ${c.reason ? "text-ink-2" : "cursor-pointer"}`}>
                        {c.name}
                      </label>
                      <p id={`${box}-detail`} className="text-xs text-ink-3">
                        {c.detail}
                      </p>
                      {c.reason && (
                        <p id={`${box}-reason`} className="mt-0.5 text-xs text-warn">
                          {c.reason}
                        </p>
                      )}
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
        </fieldset>
      )}
    </Dialog>
  );
}
