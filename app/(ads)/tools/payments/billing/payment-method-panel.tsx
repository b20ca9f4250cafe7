"use client";
// The payment method on file, with Add payment method (a sandbox card form in a dialog), Replace card and
// Remove for admins. Saving a first card starts any new-advertiser offer at once (R8), so the message
// says so (the action's re-rendered page brings the coupon card and Home's progress bar the new offer).
import { Link } from "@/components/ui/link";
import { lazy, Suspense, useState, useTransition } from "react";
import type { BillingMethod } from "@/db/schema";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/forms/field";
import { removePaymentMethod } from "./actions";

// The card form and its dialog load the first time they are opened (card-dialog.tsx).
const CardDialog = lazy(() => import("./card-dialog").then((m) => ({ default: m.CardDialog })));

type CardView = { label: string; brand: string; last4: string; expires: string; added: string };
type Notice = { tone: "ok" | "error"; text: string; started?: string[] } | null;

export function PaymentMethodPanel({
  accountId,
  billing,
  canManage,
  card,
  linked,
  promotionsHref,
}: {
  accountId: string;
  billing: BillingMethod;
  canManage: boolean;
  card: CardView | null;
  linked: boolean;
  promotionsHref: string;
}) {
  const [open, setOpen] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [notice, setNotice] = useState<Notice>(null);
  const [removing, startRemoving] = useTransition();
  const openForm = () => {
    setAttempt((a) => a + 1);
    setOpen(true);
  };

  const remove = () =>
    startRemoving(async () => {
      const result = await removePaymentMethod({ accountId });
      if (!result.ok) return setNotice({ tone: "error", text: result.message });
      const paused = result.pausedCampaigns;
      setNotice({
        tone: "ok",
        text:
          paused > 0
            ? `Payment method removed. ${paused} active ${paused === 1 ? "campaign was" : "campaigns were"} paused: automatic payment has no card to charge.`
            : "Payment method removed.",
      });
    });

  return (
    <section aria-labelledby="payment-method" className="card">
      <h2 id="payment-method" className="border-b border-line px-4 py-3 font-semibold">
        Payment method
      </h2>
      <div className="space-y-3 px-4 py-4">
        {card ? (
          <div className="flex items-center gap-3">
            <span aria-hidden className="grid h-9 w-14 shrink-0 place-items-center rounded-md bg-ink text-[10px] font-bold tracking-wide text-white uppercase">
              {card.brand.length > 6 ? card.brand.split(" ").map((w) => w[0]).join("") : card.brand}
            </span>
            <div className="min-w-0">
              <p className="font-medium">
                {card.brand} <span aria-hidden>•••• </span>
                <span className="sr-only">ending </span>
                {card.last4}
              </p>
              <p className="text-xs text-ink-3">
                Expires {card.expires} · added {card.added}
              </p>
            </div>
          </div>
        ) : linked ? (
          <p className="text-[13px]">A payment method is on file. Its card details were not recorded; replace it to see them here.</p>
        ) : (
          <div>
            <p className="font-medium">No payment method</p>
            <p className="mt-0.5 text-[13px] text-ink-2">
              {billing === "automatic"
                ? "Automatic payment charges a card: add one so your campaigns can run. "
                : ""}
              A payment method is also needed to redeem promotional codes and to receive new-advertiser offers.
            </p>
          </div>
        )}

        {notice?.tone === "error" && <FormAlert message={notice.text} />}
        <div role="status" aria-live="polite" className="text-[13px] empty:hidden">
          {notice?.tone === "ok" && (
            <div className="rounded-md border border-ok/30 bg-ok-soft px-3 py-2 text-ok">
              <p>{notice.text}</p>
              {notice.started && notice.started.length > 0 && (
                <p className="mt-1">
                  Now earning: <span className="font-semibold">{notice.started.join(", ")}</span>.{" "}
                  <Link href={promotionsHref} className="font-medium underline">
                    See your progress
                  </Link>
                </p>
              )}
            </div>
          )}
        </div>

        {canManage ? (
          <div className="flex flex-wrap gap-2">
            {linked ? (
              <>
                <Button size="sm" onClick={openForm}>
                  Replace card
                </Button>
                <Button size="sm" onClick={remove} disabled={removing} aria-describedby="remove-card-effect">
                  {removing && <span aria-hidden className="size-3.5 animate-spin rounded-full border-2 border-line border-t-brand" />}
                  Remove
                </Button>
              </>
            ) : (
              <Button variant="primary" size="sm" onClick={openForm}>
                Add payment method
              </Button>
            )}
          </div>
        ) : (
          <p className="text-xs text-ink-3">Only ad-account admins can change the payment method.</p>
        )}
        {canManage && linked && (
          <p id="remove-card-effect" className="text-xs text-ink-3">
            {billing === "automatic"
              ? "Removing it pauses your active campaigns until you add another card. "
              : ""}
            Without a payment method, promotional codes can&apos;t be redeemed.
          </p>
        )}
      </div>

      {attempt > 0 && (
        <Suspense>
          <CardDialog
            open={open}
            attempt={attempt}
            linked={linked}
            accountId={accountId}
            onClose={() => setOpen(false)}
            onSaved={(saved) => setNotice({ tone: "ok", text: `${saved.card} is saved.`, started: saved.started })}
          />
        </Suspense>
      )}
    </section>
  );
}
