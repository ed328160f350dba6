import { describe, expect, it } from 'vitest';
import {
  AREA_ROLE,
  PERMISSIONS,
  PERMISSION_NAMES,
  ROLES,
  can,
  homeFor,
  isRole,
  permissionsOf,
  roleForPath,
  type Permission,
  type Role,
} from './permissions';

describe('PERMISSIONS', () => {
  it('lists every permission once', () => {
    expect(new Set(PERMISSION_NAMES).size).toBe(PERMISSION_NAMES.length);
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...PERMISSION_NAMES].sort());
  });

  it.each(PERMISSION_NAMES)('%s: allowed roles pass, all others are refused', (permission) => {
    for (const role of ROLES) {
      expect(can(role, permission)).toBe(PERMISSIONS[permission].includes(role));
    }
  });

  it('explicit table of key permissions', () => {
    const table: [Permission, Record<Role, boolean>][] = [
      ['application.submit_own', { applicant: true, reviewer: false, admin: false }],
      ['profile.edit_own', { applicant: true, reviewer: false, admin: false }],
      ['review.score_assigned', { applicant: false, reviewer: true, admin: false }],
      ['conflict.declare', { applicant: false, reviewer: true, admin: false }],
      ['screening.decide', { applicant: false, reviewer: false, admin: true }],
      ['assignment.manage', { applicant: false, reviewer: false, admin: true }],
      ['assignment.decline_own', { applicant: false, reviewer: true, admin: false }],
      ['conflict.resolve', { applicant: false, reviewer: false, admin: true }],
      ['call.manage', { applicant: false, reviewer: false, admin: true }],
      ['award.decide', { applicant: false, reviewer: false, admin: true }],
      ['personal_data.read', { applicant: false, reviewer: false, admin: true }],
      ['audit.read', { applicant: false, reviewer: false, admin: true }],
      ['review.reopen', { applicant: false, reviewer: false, admin: true }],
      ['dashboard.read', { applicant: false, reviewer: false, admin: true }],
    ];
    for (const [permission, expected] of table) {
      for (const role of ROLES) expect([permission, role, can(role, permission)]).toEqual([permission, role, expected[role]]);
    }
  });

  it('an admin gets no applicant-own or scoring permission; a reviewer never reads personal data', () => {
    const admin = permissionsOf('admin');
    expect(admin.filter((p) => p.endsWith('_own'))).toEqual([]);
    expect(admin).not.toContain('review.score_assigned');
    expect(permissionsOf('reviewer')).not.toContain('personal_data.read');
    expect(permissionsOf('reviewer')).toEqual(['review.read_assigned', 'review.score_assigned', 'conflict.declare', 'assignment.decline_own']);
  });

  it('only an admin reopens a submitted review: not the reviewer who wrote it, not an applicant', () => {
    expect(can('admin', 'review.reopen')).toBe(true);
    expect(can('reviewer', 'review.reopen')).toBe(false);
    expect(can('applicant', 'review.reopen')).toBe(false);
  });

  it('a reviewer declares conflicts but never resolves them; an admin resolves but never declares', () => {
    expect(can('reviewer', 'conflict.resolve')).toBe(false);
    expect(can('applicant', 'conflict.resolve')).toBe(false);
    expect(can('admin', 'conflict.resolve')).toBe(true);
    expect(can('admin', 'conflict.declare')).toBe(false);
  });
});

describe('areas', () => {
  it('maps areas to roles and roles home', () => {
    expect(AREA_ROLE).toEqual({ '/my': 'applicant', '/review': 'reviewer', '/admin': 'admin' });
    for (const role of ROLES) expect(AREA_ROLE[homeFor(role)]).toBe(role);
    expect(homeFor('applicant')).toBe('/my');
    expect(homeFor('reviewer')).toBe('/review');
    expect(homeFor('admin')).toBe('/admin');
  });

  it('roleForPath matches whole segments only', () => {
    expect(roleForPath('/admin')).toBe('admin');
    expect(roleForPath('/admin/calls/1')).toBe('admin');
    expect(roleForPath('/my/applications')).toBe('applicant');
    expect(roleForPath('/review/')).toBe('reviewer');
    expect(roleForPath('/administrator')).toBeNull();
    expect(roleForPath('/myself')).toBeNull();
    expect(roleForPath('/')).toBeNull();
    expect(roleForPath('/programmes')).toBeNull();
  });

  it('isRole', () => {
    expect(isRole('admin')).toBe(true);
    expect(isRole('system')).toBe(false);
  });
});

describe('programme and call editor (issue 7)', () => {
  it('only an admin manages programmes, the MRP table and calls', () => {
    for (const permission of ['programme.manage', 'call.manage'] as const) {
      expect(can('admin', permission)).toBe(true);
      expect(can('reviewer', permission)).toBe(false);
      expect(can('applicant', permission)).toBe(false);
    }
  });
});
