/**
 * The three programmes as first inserted (DOMAIN.md). Everything here is *configurable*: an admin edits it
 * afterwards, and the seed never overwrites an existing programme (insert-if-missing by code).
 *
 * Shapes of the structured answers in `applications.data` (section key → field key → value):
 * - `budget`:       `{ item: string; quantity: number; unitPrice: number; amount: number }[]`, amounts in whole
 *                   tenge, `amount = quantity × unitPrice`, the lines summing to the award;
 * - `forecast`:     `{ month: 1..12; revenue: number; expenses: number }[]` (12 rows, whole tenge);
 * - `monthly_plan`: `{ month: 1..12; activity: string }[]` (within one year);
 * - `money`, `integer`: whole numbers; `select` with `optionsFrom: "directions"`: a direction's code.
 */
import type { Direction, EligibilityRules, FormField, FormSection, Localised, TieBreakKey } from "@/db/schema";

const L = (kk: string, ru: string, en: string): Localised => ({ kk, ru, en });

export type CriterionSeed = {
  code: string;
  name: Localised;
  description: Localised;
  scaleMin: number;
  scaleMax: number;
  weight: number;
};

export type ProgrammeSeed = {
  code: "biznes_bastau" | "tauelsizdik_urpaqtary" | "zangar";
  name: Localised;
  description: Localised;
  eligibility: EligibilityRules;
  formSections: FormSection[];
  awardKind: "fixed" | "mrp";
  awardAmount: number | null;
  awardMrpMultiple: number | null;
  directions: Direction[];
  tieBreak: TieBreakKey[];
  scoreOutOf: number;
  criteria: CriterionSeed[];
};

const textarea = (key: string, label: Localised, required = true, maxLength = 3000, hint?: Localised): FormField => ({
  key,
  type: "textarea",
  label,
  ...(hint ? { hint } : {}),
  required,
  maxLength,
});

// ---------------------------------------------------------------------------------------------
// Бизнес бастау
// ---------------------------------------------------------------------------------------------
const BIZNES_BASTAU: ProgrammeSeed = {
  code: "biznes_bastau",
  name: L("Бизнес бастау", "Бизнес бастау", "Biznes bastau"),
  description: L(
    "Жаңа бизнес-идеяны іске асыруға берілетін мемлекеттік грант. «Бастау Бизнес» жобасы бойынша оқудан өткен 18–35 жастағы Алматы облысының жастарына арналған. Грант қаражаты жабдыққа, шикізатқа және бизнесті іске қосу шығындарына жұмсалады.",
    "Государственный грант на реализацию новой бизнес-идеи для молодёжи Алматинской области в возрасте 18–35 лет, прошедшей обучение по проекту «Бастау Бизнес». Средства гранта направляются на оборудование, сырьё и расходы на запуск бизнеса.",
    "A state grant to launch a new business idea, for young people of Almaty region aged 18–35 who have completed the Bastau Biznes training. The grant pays for equipment, materials and start-up costs.",
  ),
  eligibility: {
    minAge: 18,
    maxAge: 35,
    excludePastWinners: false,
    individualsOnly: false,
    requiresTrainingCertificate: true,
  },
  formSections: [
    {
      key: "training",
      title: L("«Бастау Бизнес» оқуы", "Обучение «Бастау Бизнес»", "Bastau Biznes training"),
      fields: [
        {
          key: "certificateNumber",
          type: "text",
          label: L("Сертификат нөмірі", "Номер сертификата", "Certificate number"),
          hint: L(
            "«Бастау Бизнес» жобасы бойынша оқуды аяқтағаны туралы сертификаттың нөмірі",
            "Номер сертификата об окончании обучения по проекту «Бастау Бизнес»",
            "The number of your certificate of completing the Bastau Biznes training",
          ),
          required: true,
          maxLength: 40,
        },
      ],
    },
    {
      key: "idea",
      title: L("Идея және өнім", "Идея и продукт", "Idea and product"),
      fields: [
        textarea("idea", L("Бизнес-идеяның сипаттамасы", "Описание бизнес-идеи", "The business idea")),
        textarea("product", L("Өнім немесе қызмет", "Продукт или услуга", "Product or service")),
      ],
    },
    {
      key: "market",
      title: L("Нарық және бәсекелестер", "Рынок и конкуренты", "Market and competitors"),
      fields: [
        textarea("market", L("Нарық пен сұранысты талдау", "Анализ рынка и спроса", "Market and demand")),
        textarea(
          "competitors",
          L("Бәсекелестер және сіздің артықшылығыңыз", "Конкуренты и ваше преимущество", "Competitors and your advantage"),
        ),
      ],
    },
    {
      key: "marketing",
      title: L("Маркетинг", "Маркетинг", "Marketing"),
      fields: [
        textarea(
          "marketing",
          L(
            "Тұтынушыларды тарту арналары және баға саясаты",
            "Каналы привлечения клиентов и ценовая политика",
            "Customer channels and pricing",
          ),
        ),
      ],
    },
    {
      key: "operations",
      title: L("Өндірістік жоспар", "Операционный план", "Operations"),
      fields: [
        {
          key: "location",
          type: "text",
          label: L("Бизнестің орналасқан жері", "Место ведения бизнеса", "Where the business will operate"),
          required: true,
          maxLength: 200,
        },
        textarea(
          "operations",
          L(
            "Өндіріс үдерісі, жабдықтар, жеткізушілер",
            "Производственный процесс, оборудование, поставщики",
            "Production process, equipment, suppliers",
          ),
        ),
      ],
    },
    {
      key: "team",
      title: L("Команда", "Команда", "Team"),
      fields: [textarea("team", L("Тәжірибеңіз және командаңыз", "Ваш опыт и команда", "Your experience and team"))],
    },
    {
      key: "jobs",
      title: L("Жаңа жұмыс орындары", "Создаваемые рабочие места", "Jobs to be created"),
      fields: [
        {
          key: "jobsCreated",
          type: "integer",
          label: L("Құрылатын жұмыс орындарының саны", "Количество создаваемых рабочих мест", "Number of jobs to be created"),
          required: true,
          min: 0,
          max: 100,
        },
        textarea("jobsDescription", L("Қандай лауазымдар", "Какие должности", "Which positions"), false, 1000),
      ],
    },
    {
      key: "budget",
      title: L("Грант бюджеті", "Бюджет гранта", "Grant budget"),
      fields: [
        {
          key: "lines",
          type: "budget",
          label: L(
            "Грант қаражатына не сатып алынады (жолдардың сомасы грант сомасына тең)",
            "Что будет приобретено на средства гранта (сумма строк равна размеру гранта)",
            "What the grant buys, line by line (the lines sum to the award)",
          ),
          required: true,
        },
      ],
    },
    {
      key: "cofinancing",
      title: L("Өз қаражатымен қоса қаржыландыру", "Софинансирование", "Co-financing"),
      fields: [
        {
          key: "ownContribution",
          type: "money",
          label: L("Өз қаражатыңыздың сомасы", "Сумма собственных средств", "Your own contribution"),
          required: true,
          min: 0,
        },
        textarea("sources", L("Қаражат көздері", "Источники средств", "Sources of the funds"), false, 1000),
      ],
    },
    {
      key: "forecast",
      title: L("12 айлық қаржылық болжам", "Финансовый прогноз на 12 месяцев", "12-month financial forecast"),
      fields: [
        {
          key: "months",
          type: "forecast",
          label: L("Айлық кіріс пен шығыс", "Ежемесячные доходы и расходы", "Monthly revenue and expenses"),
          required: true,
        },
      ],
    },
  ],
  awardKind: "fixed",
  awardAmount: 1_500_000,
  awardMrpMultiple: null,
  directions: [],
  tieBreak: ["normalised_score", "jobs_created", "submitted_at"],
  scoreOutOf: 100,
  criteria: [
    {
      code: "market_demand",
      name: L("Нарықтағы сұраныс", "Рыночный спрос", "Market demand"),
      description: L(
        "Өнімге немесе қызметке ауданда нақты сұраныс бар ма",
        "Есть ли на продукт или услугу реальный спрос в районе",
        "Is there real demand for the product or service in the district",
      ),
      scaleMin: 0,
      scaleMax: 10,
      weight: 25,
    },
    {
      code: "financial_viability",
      name: L("Қаржылық өміршеңдік", "Финансовая состоятельность", "Financial viability"),
      description: L(
        "Бюджеттің негізділігі, кіріс болжамының шынайылығы, өтелу мерзімі",
        "Обоснованность бюджета, реалистичность прогноза доходов, срок окупаемости",
        "A justified budget, a realistic revenue forecast, the payback period",
      ),
      scaleMin: 0,
      scaleMax: 10,
      weight: 25,
    },
    {
      code: "market_research",
      name: L("Нарықты зерттеу сапасы", "Качество исследования рынка", "Quality of market research"),
      description: L(
        "Бәсекелестер, бағалар және тұтынушылар туралы деректер",
        "Данные о конкурентах, ценах и потребителях",
        "Evidence on competitors, prices and customers",
      ),
      scaleMin: 0,
      scaleMax: 10,
      weight: 20,
    },
    {
      code: "entrepreneurial_competence",
      name: L("Кәсіпкерлік құзыреттілік", "Предпринимательская компетентность", "Entrepreneurial competence"),
      description: L(
        "Өтініш берушінің тәжірибесі, дағдылары және команданың дайындығы",
        "Опыт и навыки заявителя, готовность команды",
        "The applicant's experience and skills, the team's readiness",
      ),
      scaleMin: 0,
      scaleMax: 10,
      weight: 15,
    },
    {
      code: "jobs_created",
      name: L("Құрылатын жұмыс орындары", "Создаваемые рабочие места", "Jobs created"),
      description: L(
        "Жаңа тұрақты жұмыс орындарының саны мен сапасы",
        "Количество и качество новых постоянных рабочих мест",
        "The number and quality of new permanent jobs",
      ),
      scaleMin: 0,
      scaleMax: 10,
      weight: 15,
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Тәуелсіздік ұрпақтары
// ---------------------------------------------------------------------------------------------
const TU_DIRECTIONS: Direction[] = [
  { code: "science", name: L("Ғылым", "Наука", "Science") },
  { code: "culture", name: L("Мәдениет", "Культура", "Culture") },
  { code: "it", name: L("Ақпараттық технологиялар", "Информационные технологии", "Information technology") },
  { code: "business", name: L("Бизнес", "Бизнес", "Business") },
  { code: "media", name: L("Медиа", "Медиа", "Media") },
  { code: "volunteering", name: L("Волонтерлік", "Волонтёрство", "Volunteering") },
];

const tuCriterion = (code: string, name: Localised, description: Localised): CriterionSeed => ({
  code,
  name,
  description,
  scaleMin: 0,
  scaleMax: 10,
  weight: 1,
});

const TAUELSIZDIK_URPAQTARY: ProgrammeSeed = {
  code: "tauelsizdik_urpaqtary",
  name: L(
    "Тәуелсіздік ұрпақтары",
    "Тәуелсіздік ұрпақтары (Поколение независимости)",
    "Täuelsizdik urpaqtary (Generations of Independence)",
  ),
  description: L(
    "Ғылым, мәдениет, IT, бизнес, медиа және волонтерлік бағыттарындағы жастар жобаларына арналған грант. 14–34 жастағы азаматтар жеке тұлға ретінде бір бағыт бойынша бір өтінім береді; 18 жасқа толмағандарға заңды өкілінің келісімі қажет. Бұрын осы грантты жеңіп алғандар қатыса алмайды. Грант бір жыл ішінде жұмсалады.",
    "Грант на молодёжные проекты в науке, культуре, IT, бизнесе, медиа и волонтёрстве. Граждане 14–34 лет подают одну заявку как физические лица по одному направлению; до 18 лет требуется согласие законного представителя. Прежние победители этого гранта не участвуют. Грант расходуется в течение одного года.",
    "A grant for youth projects in science, culture, IT, business, media and volunteering. Citizens aged 14–34 apply once, as individuals, in one direction; under-18s need a legal representative's consent. Earlier winners of this grant cannot apply. The grant is spent within one year.",
  ),
  eligibility: {
    minAge: 14,
    maxAge: 34,
    guardianConsentBelow: 18,
    excludePastWinners: true,
    individualsOnly: true,
    requiresTrainingCertificate: false,
  },
  formSections: [
    {
      key: "direction",
      title: L("Бағыт", "Направление", "Direction"),
      fields: [
        {
          key: "direction",
          type: "select",
          label: L("Жобаның бағыты", "Направление проекта", "The project's direction"),
          required: true,
          optionsFrom: "directions",
        },
      ],
    },
    {
      key: "project",
      title: L("Жоба", "Проект", "Project"),
      fields: [
        textarea("summary", L("Жобаның қысқаша сипаттамасы", "Краткое описание проекта", "Project summary"), true, 1000),
        textarea("description", L("Жобаның мазмұны", "Содержание проекта", "Project description"), true, 5000),
        textarea("team", L("Жоба командасы", "Команда проекта", "Project team"), false, 1500),
      ],
    },
    {
      key: "goals",
      title: L("Мақсаттар мен нәтижелер", "Цели и результаты", "Goals and results"),
      fields: [
        textarea("goals", L("Жобаның мақсаттары мен міндеттері", "Цели и задачи проекта", "Goals and objectives")),
        textarea(
          "results",
          L("Күтілетін өлшенетін нәтижелер", "Ожидаемые измеримые результаты", "Expected measurable results"),
        ),
      ],
    },
    {
      key: "plan",
      title: L("Жұмыс жоспары (бір жыл ішінде)", "План работ (в течение года)", "Work plan (within one year)"),
      fields: [
        {
          key: "months",
          type: "monthly_plan",
          label: L("Ай сайынғы іс-шаралар", "Мероприятия по месяцам", "Activities month by month"),
          required: true,
          min: 1,
          max: 12,
        },
      ],
    },
    {
      key: "budget",
      title: L("Бюджет", "Бюджет", "Budget"),
      fields: [
        {
          key: "lines",
          type: "budget",
          label: L(
            "Шығыстар баптары (сомасы грант сомасына тең)",
            "Статьи расходов (сумма равна размеру гранта)",
            "Expense lines (summing to the grant)",
          ),
          required: true,
        },
      ],
    },
  ],
  awardKind: "fixed",
  awardAmount: 1_000_000,
  awardMrpMultiple: null,
  directions: TU_DIRECTIONS,
  tieBreak: ["normalised_score", "submitted_at"],
  scoreOutOf: 10,
  criteria: [
    tuCriterion(
      "relevance",
      L("Өзектілігі", "Актуальность", "Relevance"),
      L("Жоба облыс жастарының нақты мәселесін шеше ме", "Решает ли проект реальную проблему молодёжи области", "Does the project address a real need of the region's youth"),
    ),
    tuCriterion(
      "novelty",
      L("Жаңашылдығы", "Новизна", "Novelty"),
      L("Идеяның жаңалығы мен өзіндік ерекшелігі", "Новизна и оригинальность идеи", "How new and original the idea is"),
    ),
    tuCriterion(
      "feasibility",
      L("Іске асырылу мүмкіндігі", "Реализуемость", "Feasibility"),
      L("Жоспар бір жыл ішінде орындала ма", "Выполним ли план в течение года", "Can the plan be delivered within one year"),
    ),
    tuCriterion(
      "team",
      L("Команданың біліктілігі", "Квалификация команды", "Team competence"),
      L("Автор мен команданың тәжірибесі мен дағдылары", "Опыт и навыки автора и команды", "Experience and skills of the author and team"),
    ),
    tuCriterion(
      "budget_justification",
      L("Бюджеттің негізділігі", "Обоснованность бюджета", "Budget justification"),
      L("Шығыстар мақсаттарға сай және негізделген бе", "Соответствуют ли расходы целям и обоснованы ли они", "Are the costs justified and tied to the goals"),
    ),
    tuCriterion(
      "social_impact",
      L("Әлеуметтік маңыздылығы", "Социальная значимость", "Social impact"),
      L("Жобадан қанша адам және қалай пайда көреді", "Сколько людей и как получат пользу от проекта", "Who benefits from the project, and how many"),
    ),
    tuCriterion(
      "sustainability",
      L("Тұрақтылығы", "Устойчивость", "Sustainability"),
      L("Грант аяқталғаннан кейін жоба жалғаса ма", "Продолжится ли проект после окончания гранта", "Will the project continue after the grant ends"),
    ),
    tuCriterion(
      "measurable_results",
      L("Нәтижелердің өлшенуі", "Измеримость результатов", "Measurable results"),
      L("Нәтижелер нақты көрсеткіштермен өлшене ме", "Измеряются ли результаты конкретными показателями", "Are results measured by concrete indicators"),
    ),
    tuCriterion(
      "presentation",
      L("Жобаның баяндалуы", "Качество изложения", "Presentation"),
      L("Өтінімнің анықтығы, құрылымы және сауаттылығы", "Ясность, структура и грамотность заявки", "Clarity, structure and quality of the application"),
    ),
  ],
};

// ---------------------------------------------------------------------------------------------
// Заңғар
// ---------------------------------------------------------------------------------------------
const ZANGAR: ProgrammeSeed = {
  code: "zangar",
  name: L("Заңғар", "Заңғар", "Zangar"),
  description: L(
    "«Заңғар» — жетістіктері үшін берілетін облыстық жастар сыйлығы. Номинациялар бойынша қаржылық қолдау көрсетіледі; 14–35 жастағы облыс жастары қатыса алады.",
    "«Заңғар» — областная молодёжная премия за достижения с финансовой поддержкой, вручаемая по номинациям. Участвует молодёжь области в возрасте 14–35 лет.",
    "Zangar is the region's youth prize for achievement, with financial support, given in nominations. Young people of the region aged 14–35 can apply.",
  ),
  eligibility: {
    minAge: 14,
    maxAge: 35,
    guardianConsentBelow: 18,
    excludePastWinners: false,
    individualsOnly: true,
    requiresTrainingCertificate: false,
  },
  formSections: [
    {
      key: "nomination",
      title: L("Номинация", "Номинация", "Nomination"),
      fields: [
        {
          key: "nomination",
          type: "select",
          label: L("Номинация", "Номинация", "Nomination"),
          required: true,
          optionsFrom: "directions",
        },
        textarea(
          "motivation",
          L("Неге осы номинацияға өтінім бересіз", "Почему вы претендуете на эту номинацию", "Why you are a candidate in this nomination"),
          true,
          2000,
        ),
      ],
    },
    {
      key: "achievements",
      title: L("Жетістіктер", "Достижения", "Achievements"),
      fields: [
        textarea(
          "achievements",
          L("Соңғы үш жылдағы негізгі жетістіктер", "Основные достижения за последние три года", "Main achievements of the last three years"),
          true,
          4000,
        ),
        textarea("recognition", L("Марапаттар мен дипломдар", "Награды и дипломы", "Awards and diplomas"), false, 2000),
        textarea("plans", L("Сыйлық қаражатын қалай пайдаланасыз", "Как вы используете премию", "How you will use the prize"), true, 2000),
      ],
    },
  ],
  awardKind: "fixed",
  awardAmount: 500_000,
  awardMrpMultiple: null,
  directions: [
    { code: "young_scientist", name: L("Жас ғалым", "Молодой учёный", "Young scientist") },
    { code: "culture_art", name: L("Мәдениет және өнер", "Культура и искусство", "Culture and art") },
    { code: "it_innovation", name: L("IT және инновация", "IT и инновации", "IT and innovation") },
    { code: "young_entrepreneur", name: L("Жас кәсіпкер", "Молодой предприниматель", "Young entrepreneur") },
    { code: "media", name: L("Жас журналист", "Молодой журналист", "Young journalist") },
    { code: "volunteer", name: L("Жыл еріктісі", "Волонтёр года", "Volunteer of the year") },
    { code: "sport", name: L("Спорт", "Спорт", "Sport") },
  ],
  tieBreak: ["normalised_score", "submitted_at"],
  scoreOutOf: 100,
  criteria: [
    {
      code: "achievements",
      name: L("Жетістіктердің деңгейі", "Уровень достижений", "Level of achievements"),
      description: L("Аудандық, облыстық, республикалық немесе халықаралық деңгей", "Районный, областной, республиканский или международный уровень", "District, regional, national or international level"),
      scaleMin: 0,
      scaleMax: 10,
      weight: 35,
    },
    {
      code: "social_contribution",
      name: L("Қоғамға қосқан үлесі", "Вклад в общество", "Contribution to society"),
      description: L("Жетістіктің облыс жастары мен тұрғындарына пайдасы", "Польза достижений для молодёжи и жителей области", "What the achievements give the region's youth and people"),
      scaleMin: 0,
      scaleMax: 10,
      weight: 25,
    },
    {
      code: "potential",
      name: L("Даму әлеуеті", "Потенциал развития", "Potential for growth"),
      description: L("Сыйлық қаражатын пайдалану жоспарының нақтылығы", "Конкретность плана использования премии", "How concrete the plan for the prize is"),
      scaleMin: 0,
      scaleMax: 10,
      weight: 20,
    },
    {
      code: "role_model",
      name: L("Жастарға үлгі болуы", "Пример для молодёжи", "Role model for young people"),
      description: L("Өтініш берушінің беделі мен жастарға ықпалы", "Авторитет кандидата и влияние на молодёжь", "The candidate's standing and influence on young people"),
      scaleMin: 0,
      scaleMax: 10,
      weight: 20,
    },
  ],
};

export const PROGRAMMES: readonly ProgrammeSeed[] = [BIZNES_BASTAU, TAUELSIZDIK_URPAQTARY, ZANGAR];

export const MRP_RATES: readonly { year: number; amount: number }[] = [
  { year: 2024, amount: 3_692 },
  { year: 2025, amount: 3_932 },
  { year: 2026, amount: 4_325 },
];

export function programmeSeed(code: ProgrammeSeed["code"]): ProgrammeSeed {
  const p = PROGRAMMES.find((x) => x.code === code);
  if (!p) throw new RangeError(`Unknown programme ${code}`);
  return p;
}
