"use client";
// The sign-up form. Choosing a country fills in its currency and time zone until the person picks their own.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ButtonSpinner, controlProps, Field, FormAlert } from "@/components/forms/field";
import { useFormAction } from "@/components/forms/use-form-action";
import { currencyOptions, industryIds, industryLabel, PASSWORD_MIN, selfServeBilling, type Country } from "@/lib/signup/options";
import { signUp } from "./actions";

const values = (form: FormData) => Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string"));

export function SignUpForm({ countries, timeZones }: { countries: Country[]; timeZones: string[] }) {
  const { state, pending, onSubmit, error } = useFormAction((form) => signUp(values(form)));
  const [country, setCountry] = useState(countries[0]!);
  const [currency, setCurrency] = useState<string>(country.currency);
  const [timeZone, setTimeZone] = useState(country.timeZone);
  const [touched, setTouched] = useState({ currency: false, timeZone: false });

  const chooseCountry = (code: string) => {
    const next = countries.find((c) => c.code === code) ?? countries[0]!;
    setCountry(next);
    if (!touched.currency) setCurrency(next.currency);
    if (!touched.timeZone) setTimeZone(next.timeZone);
  };
  const passwordHint = `At least ${PASSWORD_MIN} characters.`;
  const timeZoneHint = "Reports, billing dates and promotion windows are shown in this time zone.";

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormAlert message={state.message} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="signup-email" label="Email" error={error("email")}>
          <input {...controlProps("signup-email", error("email"))} name="email" type="email" autoComplete="email" required className="field" />
        </Field>
        <Field id="signup-password" label="Password" hint={passwordHint} error={error("password")}>
          <input
            {...controlProps("signup-password", error("password"), passwordHint)}
            name="password"
            type="password"
            autoComplete="new-password"
            minLength={PASSWORD_MIN}
            required
            className="field"
          />
        </Field>
      </div>

      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="signup-business" label="Business name" error={error("businessName")}>
          <input
            {...controlProps("signup-business", error("businessName"))}
            name="businessName"
            autoComplete="organization"
            required
            className="field"
          />
        </Field>
        <Field id="signup-industry" label="Industry" error={error("industry")}>
          <select {...controlProps("signup-industry", error("industry"))} name="industry" className="field">
            {industryIds.map((id) => (
              <option key={id} value={id}>
                {industryLabel[id]}
              </option>
            ))}
          </select>
        </Field>
      </div>

      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="signup-country" label="Country" error={error("country")}>
          <select
            {...controlProps("signup-country", error("country"))}
            name="country"
            value={country.code}
            onChange={(e) => chooseCountry(e.target.value)}
            className="field"
          >
            {countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="signup-currency" label="Currency" error={error("currency")}>
          <select
            {...controlProps("signup-currency", error("currency"))}
            name="currency"
            value={currency}
            onChange={(e) => {
              setCurrency(e.target.value);
              setTouched((t) => ({ ...t, currency: true }));
            }}
            className="field"
          >
            {currencyOptions.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
      </div>

      <Field
        id="signup-timezone"
        label="Time zone"
        hint={timeZoneHint}
        error={error("timeZone")}
      >
        <select
          {...controlProps("signup-timezone", error("timeZone"), timeZoneHint)}
          name="timeZone"
          value={timeZone}
          onChange={(e) => {
            setTimeZone(e.target.value);
            setTouched((t) => ({ ...t, timeZone: true }));
          }}
          className="field"
        >
          {timeZones.map((z) => (
            <option key={z} value={z}>
              {z.replaceAll("_", " ")}
            </option>
          ))}
        </select>
      </Field>

      <fieldset aria-describedby={error("billing") ? "signup-billing-error" : undefined}>
        <legend className="label">Billing method</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {selfServeBilling.map((b, i) => (
            <label
              key={b.id}
              className="flex cursor-pointer gap-2.5 rounded-lg border border-line p-3 has-[:checked]:border-brand has-[:checked]:bg-brand-soft/50"
            >
              <input
                type="radio"
                name="billing"
                value={b.id}
                defaultChecked={i === 0}
                aria-describedby={`signup-billing-${b.id}-hint`}
                className="mt-0.5 size-4 shrink-0 accent-brand"
              />
              <span>
                <span className="block text-sm font-medium">{b.label}</span>
                <span id={`signup-billing-${b.id}-hint`} className="block text-xs text-ink-3">
                  {b.hint}
                </span>
              </span>
            </label>
          ))}
        </div>
        <p id="signup-billing-error" aria-live="polite" className="mt-1 text-[13px] text-danger empty:mt-0">
          {error("billing")}
        </p>
      </fieldset>

      <Button type="submit" variant="primary" className="w-full" disabled={pending}>
        {pending && <ButtonSpinner />}
        {pending ? "Creating your account…" : "Create account"}
      </Button>
      <p className="text-xs text-ink-3">
        Your account is a self-serve ad account; you are its admin and can invite teammates from Members.
      </p>
    </form>
  );
}
