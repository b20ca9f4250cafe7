// Home's first steps for a new ad account, until they are done: a payment method (which also starts any
// new-advertiser offer, R8), funds for a prepaid account, and a first campaign. After that, Promotion
// progress shows the reward being earned.
import { Link } from "@/components/ui/link";
import type { AdAccount } from "@/db/schema";

type Step = { title: string; detail: string; done: boolean; href: string; action: string };

export function GetStarted({ account, hasFunds, hasCampaign }: { account: AdAccount; hasFunds: boolean; hasCampaign: boolean }) {
  const q = `?aadvid=${encodeURIComponent(account.id)}`;
  const steps: Step[] = [
    {
      title: "Add a payment method",
      detail: "Needed to redeem promotional codes; a first card also starts any new-advertiser offer you qualify for.",
      done: account.paymentMethod,
      href: `/tools/payments/billing${q}`,
      action: "Go to Billing",
    },
    ...(account.billing === "manual"
      ? [
          {
            title: "Add funds",
            detail: "Your campaigns spend from this prepaid balance once ad credit is used.",
            done: hasFunds,
            href: `/tools/payments/billing${q}`,
            action: "Add funds",
          },
        ]
      : []),
    {
      title: "Create a campaign",
      detail: "It starts delivering within the hour, and its out-of-pocket spend counts towards promotions.",
      done: hasCampaign,
      href: `/campaigns${q}`,
      action: "Go to Campaigns",
    },
  ];
  if (steps.every((s) => s.done)) return null;
  const done = steps.filter((s) => s.done).length;
  return (
    <section aria-labelledby="get-started" className="card">
      <header className="flex flex-wrap items-baseline justify-between gap-2 border-b border-line px-4 py-3">
        <h2 id="get-started" className="font-semibold">
          Get your ads running
        </h2>
        <p className="text-[13px] text-ink-3">
          {done} of {steps.length} done
        </p>
      </header>
      <ol className="divide-y divide-line">
        {steps.map((s, i) => (
          <li key={s.title} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
            <span
              aria-hidden
              className={`grid size-7 shrink-0 place-items-center rounded-full text-xs font-semibold ${s.done ? "bg-ok-soft text-ok" : "bg-brand-soft text-brand-strong"}`}
            >
              {s.done ? "✓" : i + 1}
            </span>
            <div className="min-w-0 flex-1 basis-52">
              <p className={`font-medium ${s.done ? "text-ink-3 line-through" : ""}`}>
                {s.title}
                {s.done && <span className="sr-only"> (done)</span>}
              </p>
              <p className="text-[13px] text-ink-2">{s.detail}</p>
            </div>
            {!s.done && (
              <Link href={s.href} className="rounded-md border border-line px-2.5 py-1 text-[13px] font-medium text-brand hover:bg-brand-soft">
                {s.action}
              </Link>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
