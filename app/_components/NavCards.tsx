import Link from "next/link";

export type NavCard = { href: string; label: string; description: string; testId: string };

/** A grid of link cards (the admin's home, a call's steps): a title link and one line on what is behind it. */
export function NavCards({ cards }: { cards: NavCard[] }) {
  return (
    <ul className="m-0 grid list-none gap-4 p-0 sm:grid-cols-2 lg:grid-cols-3">
      {cards.map((c) => (
        <li key={c.href} className="rounded-lg border border-slate-300 bg-white p-4">
          <Link href={c.href} className="text-lg font-semibold" data-testid={c.testId}>
            {c.label}
          </Link>
          <p className="mt-1 text-slate-700">{c.description}</p>
        </li>
      ))}
    </ul>
  );
}
