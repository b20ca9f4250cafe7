// npm run bench:sign-in: how long an unrelated API request takes while 40 sign-ins hash at once (issue 9:
// hashing runs off the event loop, so the answer should stay well under 400 ms). Needs a build (.next);
// serves it on a free port with a freshly seeded database. Prints figures; asserts nothing.
//
// The 40 sign-ins come from 40 different client addresses and name 40 unknown emails, so the throttle
// refuses none of them and every one hashes (an unknown email is compared against a decoy hash).
import { loadavg } from "node:os";
import { prepare, sendPrepared, sessionCookie, signInOverHttp, signInRequest } from "@/lib/testing/http";
import { serve } from "@/lib/testing/serve";

const SIGN_INS = Number(process.env.BENCH_SIGN_INS || 40);
const API = "/api/coupons?aadvid=acc_outdoors";

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))] ?? NaN;
const spread = (xs: number[]) =>
  `median ${ms(quantile(xs, 0.5))}, p90 ${ms(quantile(xs, 0.9))}, max ${ms(Math.max(...xs))} (${xs.length} requests)`;
const ms = (n: number) => `${n.toFixed(0)} ms`;

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await fn();
  return [result, performance.now() - start];
}

async function main() {
  const served = await serve();
  try {
    const cookie = sessionCookie(await signInOverHttp(served.url, "analyst@example.com", "promotions"));
    if (!cookie) throw new Error("could not sign in the analyst");
    const probe = await prepare(`${served.url}${API}`, { method: "GET", headers: { cookie } });
    const api = async () => {
      const [answer, took] = await timed(() => sendPrepared(probe));
      if (answer.status !== 200) throw new Error(`${API} answered ${answer.status}`);
      return took;
    };

    // Warm up, then the API alone.
    for (let i = 0; i < 10; i++) await api();
    const idle: number[] = [];
    for (let i = 0; i < 20; i++) idle.push(await api());
    const [, oneSignIn] = await timed(() => signInOverHttp(served.url, "solo@example.com", "x", { "x-forwarded-for": "203.0.113.250" }));

    // 40 sign-ins at once (encoded beforehand, so this process only sends and waits); meanwhile the API,
    // one request after another, until they are all done.
    const burstRequests = await Promise.all(
      Array.from({ length: SIGN_INS }, (_, i) =>
        signInRequest(served.url, `bench-${i}@example.com`, "wrong-password", { "x-forwarded-for": `203.0.113.${i + 1}` }),
      ),
    );
    let done = false;
    const [answers, burst] = await timed(async () => {
      const all = Promise.all(burstRequests.map(sendPrepared)).finally(() => (done = true));
      const during: number[] = [];
      while (!done) during.push(await api());
      return { signIns: await all, during };
    });
    const refused = answers.signIns.filter((a) => !a.text.includes("don't match an account")).length;

    console.log(`Node ${process.version}, the production server, scrypt N=16384; load average ${loadavg()[0]!.toFixed(1)} on this machine\n`);
    console.log(`GET ${API}, nothing else running:  ${spread(idle)}`);
    console.log(`one sign-in, nothing else running:  ${ms(oneSignIn)}`);
    console.log(`${SIGN_INS} sign-ins at once, the last answered after ${ms(burst)}${refused ? `  (${refused} not hashed: check the throttle)` : ""}`);
    console.log(`GET ${API}, during those sign-ins: ${spread(answers.during)}`);
  } finally {
    await served.stop();
  }
}

void main();
