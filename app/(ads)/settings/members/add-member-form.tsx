"use client";
// Add member: an existing user, by email, with a role.
import { useRef, useState } from "react";
import type { Role } from "@/db/schema";
import { Button } from "@/components/ui/button";
import { ButtonSpinner, controlProps, Field, FormAlert } from "@/components/forms/field";
import { useFormAction } from "@/components/forms/use-form-action";
import { roleLabel } from "@/lib/labels";
import { addMember } from "./actions";

const roleOptions: Role[] = ["admin", "operator", "analyst"];

export function AddMemberForm({ accountId }: { accountId: string }) {
  const formRef = useRef<HTMLFormElement>(null);
  const [added, setAdded] = useState<string | null>(null);
  const { state, pending, onSubmit, error } = useFormAction(
    (form) => {
      setAdded(null);
      return addMember({ accountId, email: String(form.get("email") ?? ""), role: String(form.get("role") ?? "") }).then((r) =>
        r.ok ? { ...r, email: String(form.get("email") ?? "").trim() } : r,
      );
    },
    (r) => {
      formRef.current?.reset();
      setAdded(`Added ${r.email}.`);
    },
  );
  const hint = "They need an account already: ask them to sign up first.";
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3">
      <FormAlert message={state.message} />
      <Field id="member-email" label="Email" hint={hint} error={error("email")}>
        <input {...controlProps("member-email", error("email"), hint)} name="email" type="email" autoComplete="off" className="field" />
      </Field>
      <Field id="member-role" label="Role" error={error("role")}>
        <select {...controlProps("member-role", error("role"))} name="role" defaultValue="analyst" className="field">
          {roleOptions.map((r) => (
            <option key={r} value={r}>
              {roleLabel[r]}
            </option>
          ))}
        </select>
      </Field>
      <Button type="submit" variant="primary" disabled={pending}>
        {pending && <ButtonSpinner />}
        Add member
      </Button>
      <p role="status" aria-live="polite" className="text-[13px] text-ok empty:hidden">
        {added}
      </p>
    </form>
  );
}
