/** Roles and what each may do. Pure. An admin neither acts as an applicant nor scores. */

export const ROLES = ['applicant', 'reviewer', 'admin'] as const;

export type Role = (typeof ROLES)[number];

export const PERMISSION_NAMES = [
  'application.create_own',
  'application.edit_own',
  'application.submit_own',
  'application.withdraw_own',
  'profile.edit_own',
  'review.read_assigned',
  'review.score_assigned',
  'conflict.declare',
  'assignment.decline_own',
  'conflict.resolve',
  'call.manage',
  'programme.manage',
  'screening.decide',
  'assignment.manage',
  'award.decide',
  'results.publish',
  'user.manage',
  'audit.read',
  'export.download',
  'personal_data.read',
  'review.reopen',
  'dashboard.read',
] as const;

export type Permission = (typeof PERMISSION_NAMES)[number];

export const PERMISSIONS: Readonly<Record<Permission, readonly Role[]>> = {
  'application.create_own': ['applicant'],
  'application.edit_own': ['applicant'],
  'application.submit_own': ['applicant'],
  'application.withdraw_own': ['applicant'],
  'profile.edit_own': ['applicant'],
  'review.read_assigned': ['reviewer'],
  'review.score_assigned': ['reviewer'],
  'conflict.declare': ['reviewer'],
  'assignment.decline_own': ['reviewer'],
  /** Confirm or dismiss a conflict flag the system raised (admin, with a reason). */
  'conflict.resolve': ['admin'],
  'call.manage': ['admin'],
  'programme.manage': ['admin'],
  'screening.decide': ['admin'],
  'assignment.manage': ['admin'],
  'award.decide': ['admin'],
  'results.publish': ['admin'],
  'user.manage': ['admin'],
  'audit.read': ['admin'],
  'export.download': ['admin'],
  'personal_data.read': ['admin'],
  /** Send a submitted review back to its reviewer as a draft (admin, with a reason; audited and e-mailed). */
  'review.reopen': ['admin'],
  /** The admin dashboard's aggregates (counts and sums only, no personal data). */
  'dashboard.read': ['admin'],
};

export function can(role: Role, permission: Permission): boolean {
  return PERMISSIONS[permission].includes(role);
}

export function permissionsOf(role: Role): Permission[] {
  return PERMISSION_NAMES.filter((p) => can(role, p));
}

export const AREA_ROLE = {
  '/my': 'applicant',
  '/review': 'reviewer',
  '/admin': 'admin',
} as const satisfies Record<string, Role>;

export type Area = keyof typeof AREA_ROLE;

const HOME: Readonly<Record<Role, Area>> = {
  applicant: '/my',
  reviewer: '/review',
  admin: '/admin',
};

/** The area a role lands in after sign-in. */
export function homeFor(role: Role): Area {
  return HOME[role];
}

/**
 * The role a (locale-less) pathname requires: `/admin` and `/admin/...` → admin; null for public
 * paths. `/administrator` is not `/admin`. Strip any locale prefix before calling.
 */
export function roleForPath(pathname: string): Role | null {
  for (const area of Object.keys(AREA_ROLE) as Area[]) {
    if (pathname === area || pathname.startsWith(`${area}/`)) return AREA_ROLE[area];
  }
  return null;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
