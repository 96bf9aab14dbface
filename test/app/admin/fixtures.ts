/** What the admin pages' tests are served for one station-staff role at 新城汇驿站 (shapes of types/api/admin.ts). */

/** previewInvitation: an active invitation to be 新城汇驿站's staff. */
export const STATION_INVITATION_PREVIEW = {
  roleText: '新城汇驿站 驿站工作人员',
  kind: 'stationStaff',
  scopeName: '新城汇驿站',
  expiresAt: 0,
  expiresText: '2026-01-27 10:00',
  status: 'active',
  statusText: '可使用',
  alreadyHeld: false,
};

/** listGrants: 张站长, given the role by invitation and holding it. */
export const STATION_GRANT = {
  id: 'g1',
  kind: 'stationStaff',
  roleText: '新城汇驿站 驿站工作人员',
  scope: { kind: 'station', id: 'st-1', name: '新城汇驿站' },
  holderName: '张站长',
  holderPhone: '139****0001',
  grantedAt: Date.UTC(2026, 0, 20, 2),
  via: 'invitation',
  active: true,
};
