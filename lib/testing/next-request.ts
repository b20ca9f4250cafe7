// A stand-in for the request Next gives server actions and route handlers, for tests that call them in
// process: a cookie jar and request headers behind `next/headers`. Test files mock the Next modules with it:
//
//   vi.mock("server-only", () => ({}));
//   vi.mock("next/headers", async () => (await import("@/lib/testing/next-request")).nextHeaders);
//   vi.mock("next/cache", async () => (await import("@/lib/testing/next-request")).nextCache);
//   vi.mock("next/server", async (original) => ({ ...(await original<object>()), connection: async () => undefined }));

const jar = new Map<string, string>();
export const requestHeaders = new Headers();

const cookieStore = {
  get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
  getAll: () => [...jar].map(([name, value]) => ({ name, value })),
  has: (name: string) => jar.has(name),
  set: (name: string | { name: string; value: string }, value?: string) => {
    if (typeof name === "string") jar.set(name, value ?? "");
    else jar.set(name.name, name.value);
  },
  delete: (name: string) => jar.delete(name),
};

export const nextHeaders = { cookies: async () => cookieStore, headers: async () => requestHeaders };
export const nextCache = { revalidatePath: () => undefined, revalidateTag: () => undefined, updateTag: () => undefined };

/** Starts a real session for a seeded user (null: signed out), as signing in would. */
export async function signInAs(userId: string | null) {
  jar.clear();
  if (!userId) return;
  const { startSession } = await import("@/lib/auth/session");
  await startSession(userId);
}
