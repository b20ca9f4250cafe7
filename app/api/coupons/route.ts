// GET /api/coupons?aadvid=… — the coupon card and home progress bar's data (earning promotions with their
// spend progress, assignable credits, money and dates formatted), polled by components/coupons/coupon-summary.ts.
import { NextResponse } from "next/server";
import { couponSummary } from "@/lib/queries/coupons";
import { accountRoute } from "../_lib/account-route";

export const GET = accountRoute(async ({ access, db, now }) =>
  NextResponse.json(await couponSummary(db, access.account, now), { headers: { "cache-control": "no-store" } }),
);
