"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { signIn, type SignInState } from "./actions";

/** `next`: the same-site page a signed-out request was sent here from, to return to after signing in. */
export function SignInForm({ next }: { next: string | null }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signIn, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      {next && <input type="hidden" name="next" value={next} />}
      {state.error && (
        <p role="alert" className="rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-[13px] text-danger">
          {state.error}
        </p>
      )}
      <div>
        <label htmlFor="email" className="label">
          Email
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.email}
          aria-invalid={state.fieldErrors?.email ? true : undefined}
          aria-describedby={state.fieldErrors?.email ? "email-error" : undefined}
          className="field"
        />
        <p id="email-error" aria-live="polite" className="mt-1 text-[13px] text-danger">
          {state.fieldErrors?.email?.[0]}
        </p>
      </div>
      <div>
        <label htmlFor="password" className="label">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={state.fieldErrors?.password ? true : undefined}
          aria-describedby={state.fieldErrors?.password ? "password-error" : undefined}
          className="field"
        />
        <p id="password-error" aria-live="polite" className="mt-1 text-[13px] text-danger">
          {state.fieldErrors?.password?.[0]}
        </p>
      </div>
      <Button type="submit" variant="primary" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
