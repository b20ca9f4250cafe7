// Element ids shared by the server-rendered tables and the client components that point at them.
export const ASSIGN_REASON_ID = "assign-reason";
/** The element that names a credit in its row, so each row's icon button says which credit it is for. */
export const creditNameId = (creditId: string) => `credit-name-${creditId}`;

/** The page's tabs; the chosen one is `?tab=` in the URL, and only its panel is rendered. */
export const tabIds = ["available", "earning", "expired"] as const;
export type TabId = (typeof tabIds)[number];
export const parseTab = (value: string | null | undefined): TabId => tabIds.find((t) => t === value) ?? "available";
