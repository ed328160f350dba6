import "server-only";
import { useTranslations } from "next-intl";
import { now as clockNow } from "@/lib/clock";
import { timeLeft } from "@/lib/domain/datetime";

/** What to say about the time left: the two largest units that matter, or closed. */
export type TimeLeftParts =
  | { kind: "closed" }
  | { kind: "underMinute" }
  | { kind: "left"; days?: number; hours?: number; minutes?: number; iso: string };

/**
 * Days and hours while a day or more is left (hours dropped when 0), hours and minutes under a
 * day, minutes under an hour. `iso` is an ISO 8601 duration for `<time dateTime>` (P3DT4H).
 */
export function timeLeftParts(now: Date, deadline: Date): TimeLeftParts {
  const left = timeLeft(now, deadline);
  if (left.passed) return { kind: "closed" };
  const { days, hours, minutes } = left;
  if (days > 0) {
    return hours > 0 ? { kind: "left", days, hours, iso: `P${days}DT${hours}H` } : { kind: "left", days, iso: `P${days}D` };
  }
  if (hours > 0) {
    return minutes > 0
      ? { kind: "left", hours, minutes, iso: `PT${hours}H${minutes}M` }
      : { kind: "left", hours, iso: `PT${hours}H` };
  }
  if (minutes > 0) return { kind: "left", minutes, iso: `PT${minutes}M` };
  return { kind: "underMinute" };
}

type TimeLeftProps = {
  deadline: Date;
  /** Defaults to lib/clock's now(). */
  now?: Date;
  className?: string;
  /** What to say once the deadline has passed (default: the call's "closed"). */
  closedLabel?: string;
};

/**
 * "30 күн 5 сағат қалды" / "Осталось: 30 дней 5 часов" / "30 days 5 hours left", or "closed";
 * rendered on the server at request time (a deadline is enforced on the server, not by this text).
 */
export function TimeLeft({ deadline, now, className, closedLabel }: TimeLeftProps) {
  const t = useTranslations("Time");
  const parts = timeLeftParts(now ?? clockNow(), deadline);
  if (parts.kind === "closed") {
    return (
      <span className={className} data-testid="time-left" data-closed="true">
        {closedLabel ?? t("closed")}
      </span>
    );
  }
  if (parts.kind === "underMinute") {
    return (
      <span className={className} data-testid="time-left">
        {t("underMinute")}
      </span>
    );
  }
  const units = [
    parts.days !== undefined ? t("days", { n: parts.days }) : null,
    parts.hours !== undefined ? t("hours", { n: parts.hours }) : null,
    parts.minutes !== undefined ? t("minutes", { n: parts.minutes }) : null,
  ].filter(Boolean);
  return (
    <time dateTime={parts.iso} className={className} data-testid="time-left">
      {t("left", { time: units.join(" ") })}
    </time>
  );
}
