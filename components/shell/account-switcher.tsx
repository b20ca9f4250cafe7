"use client";
// Switches between the ad accounts (and Business Centers) the user belongs to.
import { useEffect, useRef, useState } from "react";

type Option = { id: string; name: string; currency: string; businessCenter: string | null; role: string };

export function AccountSwitcher({ current, options }: { current: Omit<Option, "businessCenter" | "role">; options: Option[] }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === "Escape" : !root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  const groups = new Map<string, Option[]>();
  for (const o of options) {
    const key = o.businessCenter ?? "Ad accounts";
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  return (
    <div ref={root} className="relative">
      <button
        type="button"
        aria-haspopup="true"
        aria-expanded={open}
        aria-label={`Ad account: ${current.name}. Switch account`}
        onClick={() => setOpen((o) => !o)}
        className="flex max-w-[10rem] min-w-0 items-center gap-1.5 rounded-md border border-line px-2.5 py-1.5 text-[13px] hover:bg-canvas sm:max-w-[14rem]"
      >
        <span className="truncate font-medium">{current.name}</span>
        <span className="hidden text-ink-3 sm:inline">{current.currency}</span>
        <svg aria-hidden viewBox="0 0 20 20" className="size-4 text-ink-3" fill="currentColor">
          <path d="M5.2 7.2a1 1 0 0 1 1.4 0L10 10.6l3.4-3.4a1 1 0 1 1 1.4 1.4l-4.1 4.1a1 1 0 0 1-1.4 0L5.2 8.6a1 1 0 0 1 0-1.4Z" />
        </svg>
      </button>
      {open && (
        <div className="absolute right-0 z-30 mt-1 w-72 rounded-lg border border-line bg-white p-1 shadow-lg">
          {[...groups].map(([group, items]) => (
            <div key={group} className="py-1">
              <p className="px-2.5 py-1 text-[11px] font-semibold uppercase tracking-wide text-ink-3">{group}</p>
              <ul>
                {items.map((o) => (
                  <li key={o.id}>
                    {/* A POST to /switch: switching changes the remembered account, so it is never a link. */}
                    <form method="post" action="/switch">
                      <input type="hidden" name="aadvid" value={o.id} />
                      <button
                        type="submit"
                        aria-current={o.id === current.id ? "true" : undefined}
                        className={`flex w-full items-center justify-between rounded-md px-2.5 py-2 text-left text-[13px] hover:bg-canvas ${
                          o.id === current.id ? "bg-brand-soft" : ""
                        }`}
                      >
                        <span>
                          <span className="block font-medium">{o.name}</span>
                          <span className="text-xs text-ink-3">
                            {o.id} · {o.currency} · {o.role}
                          </span>
                        </span>
                        {o.id === current.id && <span className="text-xs font-medium text-brand">Current</span>}
                      </button>
                    </form>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
