import Link from "next/link";
import { PageHeader } from "@/components/ui/PageHeader";
import { Icon, isIconName } from "@/components/ui/icons";
import { guardPage } from "@/lib/endpoint/page-guard";
import { navigationFor } from "./navigation";

/** Home: the parts of the console this user may use, each with a sentence on what it is for. */
export default async function HomePage() {
  const { actor, permissions } = await guardPage();
  const sections = navigationFor(permissions);
  return (
    <>
      <PageHeader
        title={`Welcome, ${actor.displayName.split(" ")[0]}`}
        description={`Signed in as ${actor.principal} in the ${actor.tenantName} account.`}
      />
      {permissions.size === 0 ? (
        <p className="mb-8 text-sm text-slate-600">
          You are not a member of any project yet. Ask a project owner to add you; your access will appear here.
        </p>
      ) : null}
      {sections.map((section) => (
        <section key={section.section} className="mb-8" aria-labelledby={`home-${section.section}`}>
          <h2
            id={`home-${section.section}`}
            className="mb-3 text-sm font-semibold tracking-wide text-slate-500 uppercase"
          >
            {section.section}
          </h2>
          <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
            {section.items.map((item) => (
              <li key={item.href}>
                <Link
                  href={item.href}
                  className="flex items-center gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-xs hover:border-accent-300 focus-visible:outline-2 focus-visible:outline-accent-600"
                >
                  {item.icon && isIconName(item.icon) ? (
                    <Icon name={item.icon} className="size-5 text-accent-600" />
                  ) : null}
                  <span className="font-medium">{item.label}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
