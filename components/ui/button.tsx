import type { ButtonHTMLAttributes } from "react";

type Variant = "primary" | "secondary" | "ghost" | "danger";

const styles: Record<Variant, string> = {
  primary: "bg-brand text-white hover:bg-brand-strong disabled:bg-[#9fb7ba]",
  secondary: "border border-line bg-white text-ink hover:bg-canvas disabled:text-ink-3",
  ghost: "text-ink-2 hover:bg-canvas hover:text-ink disabled:text-ink-3",
  danger: "bg-danger text-white hover:bg-[#8f1c13]",
};

export function buttonClass(variant: Variant = "secondary", size: "sm" | "md" = "md") {
  const pad = size === "sm" ? "h-8 px-2.5 text-[13px]" : "h-9 px-3.5 text-sm";
  return `inline-flex items-center justify-center gap-1.5 rounded-md font-medium transition-colors disabled:cursor-not-allowed ${pad} ${styles[variant]}`;
}

export function Button({
  variant = "secondary",
  size = "md",
  className = "",
  type = "button",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; size?: "sm" | "md" }) {
  return <button type={type} className={`${buttonClass(variant, size)} ${className}`} {...props} />;
}
