// Platform operators ("ops") only. Anyone else gets a 404, as for an account they are not a member of.
import "server-only";
import { notFound } from "next/navigation";
import type { User } from "@/db/schema";
import { currentUser, requireUser } from "./session";

export async function requireOps(): Promise<User> {
  const user = await requireUser();
  if (!user.isOps) notFound();
  return user;
}

export async function opsUser(): Promise<User | null> {
  const user = await currentUser();
  return user?.isOps ? user : null;
}
