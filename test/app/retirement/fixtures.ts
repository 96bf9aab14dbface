/** Shared data for the retirement app tests. */
import type { CertificateView, ReviewItem } from '@contract/api/retirement';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A fictional 秀洲 identity number with a valid check digit. */
export function idNumber(birth: string, seq: number): string {
  const body = `330411${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(body[i]), 0);
  return body + '10X98765432'[sum % 11];
}

/** A request as the review queue shows it: 陆美娟, verified by her employer, waiting for the admin. */
export const reviewItem = (over: Partial<ReviewItem> = {}): ReviewItem => ({
  id: 'rt-lu',
  name: '陆美娟',
  idMasked: '330***********1102',
  phoneMasked: '139****1102',
  employer: '嘉兴纺织有限公司',
  employerId: 'emp-jiaxing-textile',
  position: '挡车工',
  yearsOfService: 31,
  retirementDate: '2026-01-01',
  delivery: { method: 'pickup', stationId: 'station-xinchenghui', stationName: '新城汇驿站' },
  hasPhoto: false,
  callbackRequested: false,
  requesterKind: 'self',
  status: 'employer_verified',
  statusLabel: '单位已核实',
  timeline: [],
  submittedAt: Date.UTC(2026, 0, 5),
  mine: false,
  ...over,
});

/** `getMe` for a caller with these roles and no scopes. */
export const me = (roles: string[]) => ({
  openid: 'p',
  roles,
  scopes: [],
  profile: null,
  membership: { status: 'none' },
});

/** 周桂芳's issued certificate, as `myCertificate` answers it. */
export const certificate: CertificateView = {
  id: 'rt1',
  name: '周桂芳',
  employer: '嘉兴纺织有限公司',
  position: '挡车工',
  yearsOfService: 32,
  retirementDate: '2026-01-10',
  serial: '秀工荣退〔2026〕第0003号',
  issuedAt: Date.UTC(2026, 0, 20, 2),
  revoked: false,
  token: 'r.rt1.zzzz.1.sig',
  qrText: 'https://xzgh.example.cn/rv?t=r.rt1.zzzz.1.sig',
  issuer: '嘉兴市秀洲区总工会',
};
