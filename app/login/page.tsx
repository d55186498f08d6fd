import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/LoginForm";
import { sessionActor } from "@/lib/endpoint/session-actor";
import { Icon } from "@/components/ui/icons";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage() {
  if (await sessionActor()) redirect("/");
  return (
    <main className="flex min-h-dvh items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center gap-2">
          <span className="flex size-9 items-center justify-center rounded-md bg-accent-600 text-white">
            <Icon name="shield" className="size-5" />
          </span>
          <div>
            <h1 className="text-lg font-semibold">Security Center</h1>
            <p className="text-sm text-slate-600">Sign in to manage who may touch which data.</p>
          </div>
        </div>
        <LoginForm />
      </div>
    </main>
  );
}
