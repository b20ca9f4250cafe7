"use client";
// The one modal, built on <dialog>.showModal(): the browser makes the page behind it inert (focus stays
// inside), Escape closes it, and focus returns to whatever opened it. `placement="top-end"` anchors it
// under the header's right-hand buttons like a popover card (the Coupons card), which also closes on a
// click outside it.
import { useEffect, useId, useRef, type ReactNode } from "react";

const placements = {
  center: "m-auto w-[calc(100%-2rem)]",
  "top-end": "fixed inset-auto top-16 right-3 left-3 m-0 w-auto max-w-none backdrop:bg-ink/20 sm:left-auto sm:w-[420px] lg:right-6",
};

export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  footer,
  width = "max-w-lg",
  placement = "center",
  icon,
  flush = false,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  width?: string;
  placement?: keyof typeof placements;
  /** Shown before the title. */
  icon?: ReactNode;
  /** The body has no padding of its own: its sections lay themselves out edge to edge. */
  flush?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  const titleId = useId();
  const descId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
      if (opener.current instanceof HTMLElement) opener.current.focus();
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descId : undefined}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        // A click on the <dialog> element itself, outside its content, is a click on the backdrop.
        if (placement === "top-end" && e.target === e.currentTarget) onClose();
      }}
      className={`${placements[placement]} ${placement === "center" ? width : ""} rounded-xl border border-line bg-white p-0 text-left text-ink shadow-2xl`}
    >
      {open && (
        <div className={`flex flex-col ${placement === "center" ? "max-h-[85vh]" : "max-h-[calc(100dvh-5rem)]"}`}>
          <header className="flex items-start justify-between gap-4 border-b border-line px-5 py-4">
            <div className="flex items-center gap-2.5">
              {icon}
              <div>
                <h2 id={titleId} className="text-base font-semibold">
                  {title}
                </h2>
                {description && (
                  <p id={descId} className="mt-0.5 text-[13px] text-ink-3">
                    {description}
                  </p>
                )}
              </div>
            </div>
            <button
              type="button"
              onClick={onClose}
              aria-label="Close"
              className="-mr-1 rounded-md p-1 text-ink-3 hover:bg-canvas hover:text-ink"
            >
              <svg aria-hidden viewBox="0 0 20 20" className="size-5" fill="currentColor">
                <path d="M5.3 5.3a1 1 0 0 1 1.4 0L10 8.6l3.3-3.3a1 1 0 1 1 1.4 1.4L11.4 10l3.3 3.3a1 1 0 0 1-1.4 1.4L10 11.4l-3.3 3.3a1 1 0 0 1-1.4-1.4L8.6 10 5.3 6.7a1 1 0 0 1 0-1.4Z" />
              </svg>
            </button>
          </header>
          <div className={`overflow-y-auto ${flush ? "" : "px-5 py-4"}`}>{children}</div>
          {footer && <footer className="flex justify-end gap-2 border-t border-line px-5 py-3">{footer}</footer>}
        </div>
      )}
    </dialog>
  );
}
