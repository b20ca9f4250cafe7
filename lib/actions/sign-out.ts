"use server";
// Sign out: ends the session and goes to the sign-in page. Here rather than beside /login because the
// header of every page (components/shell) and the ops console both offer it.
import { redirect } from "next/navigation";
import { endSession } from "@/lib/auth/session";

export async function signOut() {
  await endSession();
  redirect("/login");
}
