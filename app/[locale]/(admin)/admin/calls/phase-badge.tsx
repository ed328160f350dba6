import { getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/app/_components/Badge";
import type { CallPhase } from "@/lib/domain/call-phase";

const TONES: Record<CallPhase, BadgeTone> = { upcoming: "neutral", open: "success", closed: "warning", in_review: "info", archived: "neutral" };

/** A call's phase as a badge in the viewer's language (server component). */
export async function PhaseBadge({ phase }: { phase: CallPhase }) {
  const t = await getTranslations("AdminCalls");
  return (
    <Badge tone={TONES[phase]} data-testid="call-phase" data-phase={phase}>
      {t(`phases.${phase}`)}
    </Badge>
  );
}
