/**
 * The portal's e-mails, each in Kazakh, Russian and English, as plain text and HTML. Pure: the outbox
 * stores the template name and its payload; the sender renders in the recipient's language at delivery.
 */
export type MailLanguage = "kk" | "ru" | "en";

type LinkPayload = { name: string; url: string };

/** Call titles arrive in all three languages; dates are pre-formatted per language by the sender's caller. */
type CallPayload = LinkPayload & { callTitle: { kk: string; ru: string; en: string }; when: { kk: string; ru: string; en: string } };

export type MailPayloads = {
  verify_email: LinkPayload;
  reset_password: LinkPayload;
  set_password: LinkPayload & { role: "reviewer" | "admin" };
  application_submitted: CallPayload & { reference: string };
  deadline_reminder: CallPayload & { days: number };
  /** Screening refused the application; `reason` is the admin's text, shown as written (not translated). */
  screening_refused: LinkPayload & { callTitle: { kk: string; ru: string; en: string }; reference: string; reason: string };
  /** A reviewer still has `count` unfinished reviews in a call whose review deadline is `days` away. */
  review_reminder: CallPayload & { days: number; count: number };
  /**
   * An admin sent a submitted review back to its reviewer as a draft. `reference` names the application
   * (never the applicant); `reason` is the admin's text, shown as written.
   */
  review_reopened: LinkPayload & { callTitle: { kk: string; ru: string; en: string }; reference: string; reason: string };
  /**
   * The commission's decision on an application, once the call's results are published (or a later
   * promotion or revocation): `amount` is pre-formatted per language; `reason` (revocations) is the admin's text.
   */
  decision: LinkPayload & {
    callTitle: { kk: string; ru: string; en: string };
    reference: string;
    outcome: "awarded" | "waitlisted" | "not_awarded" | "award_revoked";
    amount: { kk: string; ru: string; en: string };
    reason?: string;
  };
};
export type MailTemplate = keyof MailPayloads;

export type RenderedMail = { subject: string; text: string; html: string };

type Copy = {
  subject: string;
  greeting: (name: string) => string;
  body: string[];
  action: string;
  after: string[];
};

const ROLE_NAMES: Record<MailLanguage, Record<"reviewer" | "admin", string>> = {
  kk: { reviewer: "конкурстық комиссия мүшесі", admin: "әкімші" },
  ru: { reviewer: "член конкурсной комиссии", admin: "администратор" },
  en: { reviewer: "competition commission member", admin: "administrator" },
};

const SIGNATURE: Record<MailLanguage, string> = {
  kk: "Jas Grant — Алматы облысының жастар гранттары порталы",
  ru: "Jas Grant — портал молодёжных грантов Алматинской области",
  en: "Jas Grant — the youth grants portal of Almaty region",
};

const COPY: { [T in MailTemplate]: (lang: MailLanguage, p: MailPayloads[T]) => Copy } = {
  verify_email: (lang) =>
    ({
      kk: {
        subject: "Электрондық поштаңызды растаңыз",
        greeting: (n: string) => `Сәлеметсіз бе, ${n}!`,
        body: ["Jas Grant порталында тіркелгеніңізге рахмет. Өтінім беру үшін электрондық пошта мекенжайыңызды растаңыз."],
        action: "Поштаны растау",
        after: ["Сілтеме 24 сағат жарамды.", "Егер сіз тіркелмеген болсаңыз, бұл хатты елемеңіз."],
      },
      ru: {
        subject: "Подтвердите адрес электронной почты",
        greeting: (n: string) => `Здравствуйте, ${n}!`,
        body: ["Спасибо за регистрацию на портале Jas Grant. Чтобы отправить заявку, подтвердите адрес электронной почты."],
        action: "Подтвердить почту",
        after: ["Ссылка действует 24 часа.", "Если вы не регистрировались, просто проигнорируйте это письмо."],
      },
      en: {
        subject: "Confirm your e-mail address",
        greeting: (n: string) => `Hello ${n},`,
        body: ["Thank you for registering on Jas Grant. Please confirm your e-mail address so that you can submit an application."],
        action: "Confirm e-mail",
        after: ["The link is valid for 24 hours.", "If you did not register, ignore this e-mail."],
      },
    })[lang],
  reset_password: (lang) =>
    ({
      kk: {
        subject: "Құпиясөзді қалпына келтіру",
        greeting: (n: string) => `Сәлеметсіз бе, ${n}!`,
        body: ["Jas Grant порталындағы құпиясөзіңізді өзгерту сұралды. Жаңа құпиясөз орнату үшін төмендегі сілтемені ашыңыз."],
        action: "Жаңа құпиясөз орнату",
        after: ["Сілтеме 1 сағат жарамды және бір рет қана қолданылады. Құпиясөз өзгергеннен кейін барлық құрылғылардағы сеанстар жабылады.", "Егер сіз сұрамаған болсаңыз, бұл хатты елемеңіз: құпиясөзіңіз өзгермейді."],
      },
      ru: {
        subject: "Восстановление пароля",
        greeting: (n: string) => `Здравствуйте, ${n}!`,
        body: ["Поступил запрос на смену пароля на портале Jas Grant. Чтобы задать новый пароль, откройте ссылку ниже."],
        action: "Задать новый пароль",
        after: ["Ссылка действует 1 час и только один раз. После смены пароля сеансы на всех устройствах завершатся.", "Если вы не запрашивали смену пароля, проигнорируйте письмо: пароль останется прежним."],
      },
      en: {
        subject: "Reset your password",
        greeting: (n: string) => `Hello ${n},`,
        body: ["Someone asked to change your Jas Grant password. Open the link below to choose a new one."],
        action: "Choose a new password",
        after: ["The link is valid for 1 hour and works once. Changing the password signs you out on every device.", "If you did not ask for this, ignore this e-mail: your password stays as it is."],
      },
    })[lang],
  set_password: (lang, p) =>
    ({
      kk: {
        subject: "Jas Grant порталындағы тіркелгіңіз",
        greeting: (n: string) => `Сәлеметсіз бе, ${n}!`,
        body: [`Сізге Jas Grant порталында тіркелгі ашылды (рөлі: ${ROLE_NAMES.kk[p.role]}). Кіру үшін өз құпиясөзіңізді орнатыңыз.`],
        action: "Құпиясөз орнату",
        after: ["Сілтеме 72 сағат жарамды және бір рет қана қолданылады."],
      },
      ru: {
        subject: "Ваша учётная запись на портале Jas Grant",
        greeting: (n: string) => `Здравствуйте, ${n}!`,
        body: [`Для вас создана учётная запись на портале Jas Grant (роль: ${ROLE_NAMES.ru[p.role]}). Чтобы войти, задайте свой пароль.`],
        action: "Задать пароль",
        after: ["Ссылка действует 72 часа и только один раз."],
      },
      en: {
        subject: "Your Jas Grant account",
        greeting: (n: string) => `Hello ${n},`,
        body: [`An account has been created for you on Jas Grant (role: ${ROLE_NAMES.en[p.role]}). Choose your password to sign in.`],
        action: "Choose a password",
        after: ["The link is valid for 72 hours and works once."],
      },
    })[lang],
  application_submitted: (lang, p) =>
    ({
      kk: {
        subject: `Өтініміңіз қабылданды: ${p.callTitle.kk}`,
        greeting: (n: string) => `Сәлеметсіз бе, ${n}!`,
        body: [`«${p.callTitle.kk}» конкурсына өтініміңіз ${p.when.kk} берілді. Өтінім нөмірі: ${p.reference}.`, "Өтінім тексеруден өткеннен кейін сарапшыларға беріледі. Мәртебесін жеке кабинетіңізден бақылай аласыз."],
        action: "Өтінімді ашу",
        after: ["Қабылдау мерзімі аяқталғанға дейін өтінімді кері қайтарып, түзетіп, қайта бере аласыз."],
      },
      ru: {
        subject: `Заявка принята: ${p.callTitle.ru}`,
        greeting: (n: string) => `Здравствуйте, ${n}!`,
        body: [`Ваша заявка на конкурс «${p.callTitle.ru}» подана ${p.when.ru}. Номер заявки: ${p.reference}.`, "После проверки заявка передаётся экспертам. Следить за статусом можно в личном кабинете."],
        action: "Открыть заявку",
        after: ["До окончания приёма заявку можно отозвать, исправить и подать снова."],
      },
      en: {
        subject: `Application received: ${p.callTitle.en}`,
        greeting: (n: string) => `Hello ${n},`,
        body: [`Your application to “${p.callTitle.en}” was submitted on ${p.when.en}. Reference: ${p.reference}.`, "After screening it goes to the reviewers. You can follow its status in your account."],
        action: "Open the application",
        after: ["Until the deadline you may withdraw it, correct it and submit it again."],
      },
    })[lang],
  deadline_reminder: (lang, p) =>
    ({
      kk: {
        subject: `Өтінім қабылдау ${p.days} күннен кейін аяқталады`,
        greeting: (n: string) => `Сәлеметсіз бе, ${n}!`,
        body: [`«${p.callTitle.kk}» конкурсына өтініміңіз әлі берілмеген. Қабылдау ${p.when.kk} (Алматы уақыты) аяқталады.`],
        action: "Өтінімді аяқтау",
        after: ["Мерзім өткеннен кейін берілген өтінім қабылданбайды."],
      },
      ru: {
        subject: `Приём заявок закончится через ${p.days} дн.`,
        greeting: (n: string) => `Здравствуйте, ${n}!`,
        body: [`Ваша заявка на конкурс «${p.callTitle.ru}» ещё не подана. Приём закончится ${p.when.ru} (время Алматы).`],
        action: "Завершить заявку",
        after: ["Заявки, поданные после окончания срока, не принимаются."],
      },
      en: {
        subject: `The call closes in ${p.days} day(s)`,
        greeting: (n: string) => `Hello ${n},`,
        body: [`Your application to “${p.callTitle.en}” has not been submitted yet. The call closes on ${p.when.en} (Almaty time).`],
        action: "Finish the application",
        after: ["Applications sent after the deadline are not accepted."],
      },
    })[lang],
  screening_refused: (lang, p) =>
    ({
      kk: {
        subject: `Өтінім тексеруден өтпеді: ${p.callTitle.kk}`,
        greeting: (n: string) => `Сәлеметсіз бе, ${n}!`,
        body: [
          `«${p.callTitle.kk}» конкурсына берген ${p.reference} өтініміңіз бастапқы тексеруден өтпеді және сарапшыларға берілмейді.`,
          `Себебі: ${p.reason}`,
        ],
        action: "Өтінімді ашу",
        after: ["Сұрақтарыңыз болса, облыстың жастар саясаты мәселелері басқармасына хабарласыңыз."],
      },
      ru: {
        subject: `Заявка не прошла проверку: ${p.callTitle.ru}`,
        greeting: (n: string) => `Здравствуйте, ${n}!`,
        body: [
          `Ваша заявка ${p.reference} на конкурс «${p.callTitle.ru}» не прошла первичную проверку и не будет передана экспертам.`,
          `Причина: ${p.reason}`,
        ],
        action: "Открыть заявку",
        after: ["С вопросами обращайтесь в управление по вопросам молодёжной политики области."],
      },
      en: {
        subject: `Application not admitted: ${p.callTitle.en}`,
        greeting: (n: string) => `Hello ${n},`,
        body: [
          `Your application ${p.reference} to “${p.callTitle.en}” did not pass eligibility screening and will not go to the reviewers.`,
          `Reason: ${p.reason}`,
        ],
        action: "Open the application",
        after: ["If you have questions, contact the regional youth policy department."],
      },
    })[lang],
  review_reminder: (lang, p) =>
    ({
      kk: {
        subject: `Сараптама мерзімі ${p.days} күннен кейін аяқталады`,
        greeting: (n: string) => `Сәлеметсіз бе, ${n}!`,
        body: [`«${p.callTitle.kk}» конкурсында сізде аяқталмаған сараптама бар: ${p.count}. Бағалауды ${p.when.kk} (Алматы уақыты) дейін жіберіңіз.`],
        action: "Сараптамаға өту",
        after: ["Өтінімді бағалай алмасаңыз, себебін көрсетіп бас тартыңыз — әкімші басқа сарапшы тағайындайды."],
      },
      ru: {
        subject: `Срок экспертизы истекает через ${p.days} дн.`,
        greeting: (n: string) => `Здравствуйте, ${n}!`,
        body: [`В конкурсе «${p.callTitle.ru}» у вас есть незавершённые экспертизы: ${p.count}. Отправьте оценки до ${p.when.ru} (время Алматы).`],
        action: "Перейти к экспертизе",
        after: ["Если вы не можете оценить заявку, откажитесь от неё с указанием причины — администратор назначит другого эксперта."],
      },
      en: {
        subject: `Reviews are due in ${p.days} day(s)`,
        greeting: (n: string) => `Hello ${n},`,
        body: [`You have ${p.count} unfinished review(s) in “${p.callTitle.en}”. Please submit your scores by ${p.when.en} (Almaty time).`],
        action: "Go to my reviews",
        after: ["If you cannot review an application, decline it with a reason and the administrator will assign someone else."],
      },
    })[lang],
  review_reopened: (lang, p) =>
    ({
      kk: {
        subject: `Сараптама қайта ашылды: ${p.reference}`,
        greeting: (n: string) => `Сәлеметсіз бе, ${n}!`,
        body: [
          `Әкімші «${p.callTitle.kk}» конкурсындағы ${p.reference} өтінімі бойынша жіберген бағалауыңызды түзету үшін қайта ашты. Ол қайтадан жоба күйінде: бағаларды тексеріп, қайта жіберіңіз.`,
          `Себебі: ${p.reason}`,
        ],
        action: "Сараптамаға өту",
        after: ["Бағалау қайта жіберілгенге дейін рейтингте есепке алынбайды."],
      },
      ru: {
        subject: `Экспертиза возвращена на доработку: ${p.reference}`,
        greeting: (n: string) => `Здравствуйте, ${n}!`,
        body: [
          `Администратор вернул на доработку вашу оценку заявки ${p.reference} в конкурсе «${p.callTitle.ru}». Она снова в статусе черновика: проверьте баллы и отправьте её ещё раз.`,
          `Причина: ${p.reason}`,
        ],
        action: "Перейти к экспертизе",
        after: ["Пока оценка не отправлена повторно, она не учитывается в рейтинге."],
      },
      en: {
        subject: `Review reopened: ${p.reference}`,
        greeting: (n: string) => `Hello ${n},`,
        body: [
          `The administrator has reopened your review of application ${p.reference} in “${p.callTitle.en}”. It is a draft again: please check your scores and submit it again.`,
          `Reason: ${p.reason}`,
        ],
        action: "Go to my reviews",
        after: ["Until you submit it again, your review does not count in the ranking."],
      },
    })[lang],
  decision: (lang, p) => {
    const reason = p.reason ? { kk: [`Себебі: ${p.reason}`], ru: [`Причина: ${p.reason}`], en: [`Reason: ${p.reason}`] } : { kk: [], ru: [], en: [] };
    const body = {
      awarded: {
        kk: `Құттықтаймыз! «${p.callTitle.kk}» конкурсына берген ${p.reference} өтініміңізге ${p.amount.kk} көлемінде грант берілді.`,
        ru: `Поздравляем! По вашей заявке ${p.reference} на конкурс «${p.callTitle.ru}» присуждён грант в размере ${p.amount.ru}.`,
        en: `Congratulations! Your application ${p.reference} to “${p.callTitle.en}” has been awarded a grant of ${p.amount.en}.`,
      },
      waitlisted: {
        kk: `«${p.callTitle.kk}» конкурсына берген ${p.reference} өтініміңіз ең төменгі ұпайдан асты, бірақ бюджет жетпеді: ол күту тізіміне енгізілді. Қаражат босаса, сізге хабарлаймыз.`,
        ru: `Ваша заявка ${p.reference} на конкурс «${p.callTitle.ru}» набрала проходной балл, но бюджета не хватило: она включена в лист ожидания. Если средства освободятся, мы сообщим вам.`,
        en: `Your application ${p.reference} to “${p.callTitle.en}” passed the minimum score, but the budget did not reach it: it is on the waiting list. If money becomes free, we will tell you.`,
      },
      not_awarded: {
        kk: `«${p.callTitle.kk}» конкурсына берген ${p.reference} өтініміңіз ең төменгі ұпайға жетпеді, грант берілмеді.`,
        ru: `Ваша заявка ${p.reference} на конкурс «${p.callTitle.ru}» не набрала проходной балл, грант не присуждён.`,
        en: `Your application ${p.reference} to “${p.callTitle.en}” did not reach the minimum score and has not been awarded a grant.`,
      },
      award_revoked: {
        kk: `«${p.callTitle.kk}» конкурсы бойынша ${p.reference} өтініміңізге берілген грант кері алынды.`,
        ru: `Грант, присуждённый по вашей заявке ${p.reference} на конкурс «${p.callTitle.ru}», отозван.`,
        en: `The grant awarded to your application ${p.reference} to “${p.callTitle.en}” has been revoked.`,
      },
    }[p.outcome];
    return {
      kk: {
        subject: `Конкурс нәтижесі: ${p.callTitle.kk}`,
        greeting: (n: string) => `Сәлеметсіз бе, ${n}!`,
        body: [body.kk, ...reason.kk],
        action: "Шешімді және сарапшылардың бағаларын көру",
        after: ["Сұрақтарыңыз болса, облыстың жастар саясаты мәселелері басқармасына хабарласыңыз."],
      },
      ru: {
        subject: `Итоги конкурса: ${p.callTitle.ru}`,
        greeting: (n: string) => `Здравствуйте, ${n}!`,
        body: [body.ru, ...reason.ru],
        action: "Посмотреть решение и отзывы",
        after: ["С вопросами обращайтесь в управление по вопросам молодёжной политики области."],
      },
      en: {
        subject: `Result of the call: ${p.callTitle.en}`,
        greeting: (n: string) => `Hello ${n},`,
        body: [body.en, ...reason.en],
        action: "See the decision and the feedback",
        after: ["If you have questions, contact the regional youth policy department."],
      },
    }[lang];
  },
};

export const MAIL_TEMPLATES = Object.keys(COPY) as MailTemplate[];

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export function renderMail<T extends MailTemplate>(template: T, lang: MailLanguage, payload: MailPayloads[T]): RenderedMail {
  const c = COPY[template](lang, payload);
  const url = payload.url;
  const text = [c.greeting(payload.name), "", ...c.body, "", `${c.action}: ${url}`, "", ...c.after, "", "—", SIGNATURE[lang], ""].join("\n");
  const p = (s: string) => `<p style="margin:0 0 12px">${escapeHtml(s)}</p>`;
  const html = `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(c.subject)}</title></head>
<body style="margin:0;padding:24px;background:#f4f6f8;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1b1f24">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px">
${p(c.greeting(payload.name))}
${c.body.map(p).join("\n")}
<p style="margin:20px 0"><a href="${escapeHtml(url)}" style="display:inline-block;background:#0b5cab;color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:6px;font-weight:bold">${escapeHtml(c.action)}</a></p>
<p style="margin:0 0 12px;font-size:14px;color:#4a5560;word-break:break-all">${escapeHtml(url)}</p>
${c.after.map(p).join("\n")}
<p style="margin:24px 0 0;font-size:13px;color:#4a5560">${escapeHtml(SIGNATURE[lang])}</p>
</div></body></html>`;
  return { subject: c.subject, text, html };
}
