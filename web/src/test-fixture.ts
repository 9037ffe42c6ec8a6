/** A two-plan analysis, small enough to read, for the unit tests. */
import type { Analysis, Findings, Plan, Unit } from './types.ts';

function unit(
  planId: string,
  id: string,
  text: string,
  start: number,
  labels: string[],
  kind: Unit['kind'] = 'bullet',
): Unit {
  return {
    id: `${planId}:${id}`,
    kind,
    role: kind === 'heading' ? 'other' : 'task',
    headingPath: [],
    depth: kind === 'heading' ? 0 : 1,
    text,
    span: [start, start + text.length],
    alignment: {
      content: kind !== 'heading',
      scores: { TG1: labels.includes('TG1') ? 0.9 : 0.1, TG2: labels.includes('TG2') ? 0.8 : 0.05 },
      labels,
      confidence: 0.9,
      evidence: {},
      model: 'full',
    },
  } as Unit;
}

function plan(
  id: string,
  province: string,
  date: string,
  texts: Array<[string, string[], Unit['kind']?]>,
): Plan {
  let source = '';
  const units: Unit[] = [];
  texts.forEach(([text, labels, kind], i) => {
    const start = source.length;
    source += `${text}\n`;
    units.push(unit(id, `u${i + 1}`, text, start, labels, kind));
  });
  return {
    id,
    meta: {
      id,
      file: `${id}.txt`,
      province,
      level: 'province',
      issuingBody: 'unknown',
      documentNumber: 'unknown',
      date,
      kind: 'implementation',
      title: 'unknown',
      signer: 'unknown',
    },
    source: { encoding: 'utf-8', length: source.length, byteLength: source.length, text: source },
    extracted: {},
    stats: {
      units: units.length,
      unitsByRole: {},
      maxDepth: 1,
      repairs: { ocr: 0, toneStyle: 0, unicode: 0 },
      warnings: 0,
      sourceLength: source.length,
    },
    units,
    skipped: [],
    fields: [
      {
        field: 'lead-agency',
        label: 'Cơ quan chủ trì',
        value: 'Ban Tuyên giáo',
        agencies: ['Ban Tuyên giáo'],
        unitId: `${id}:u2`,
        span: [0, 1],
      },
      {
        field: 'timing',
        label: 'Thời gian',
        value: 'Thường xuyên',
        deadline: { text: 'Thường xuyên', ongoing: true },
        unitId: `${id}:u2`,
        span: [0, 1],
      },
    ],
    references: [
      {
        number: '57-KL/TW',
        kind: 'ket-luan',
        date: '2023-06-15',
        text: 'Kết luận số 57-KL/TW',
        span: [0, 1],
        unitId: `${id}:u1`,
      },
      { number: '57-KL/TW', kind: 'ket-luan', text: 'Kết luận 57-KL/TW', span: [2, 3], unitId: `${id}:u2` },
    ],
    messages: [],
  } as Plan;
}

export function fixture(withFindings = false): Analysis {
  const a = plan('alpha', 'Quảng Ngãi', '2023-09-14', [
    ['I. NHIỆM VỤ', [], 'heading'],
    ['Tăng cường công tác thông tin đối ngoại của tỉnh', ['TG1']],
    ['Phối hợp với các cơ quan báo chí', ['TG2']],
  ]);
  const b = plan('beta', 'Lạng Sơn', 'unknown', [
    ['I. NHIỆM VỤ', [], 'heading'],
    ['Đổi mới thông tin ĐỐI NGOẠI ở cửa khẩu', ['TG1']],
  ]);
  const analysis = {
    tool: { name: 'doichieu', version: '0.0.0' },
    offsets: 'utf16',
    directive: {
      id: '57-KL/TW',
      title: { vi: 'Kết luận', en: 'Conclusion' },
      issuer: 'Bộ Chính trị',
      date: '2023-06-15',
      taskGroups: [
        {
          id: 'TG1',
          label: { vi: 'Lãnh đạo', en: 'Leadership' },
          short: { vi: 'Lãnh đạo', en: 'Leadership' },
          description: { vi: 'x', en: 'x' },
          phrases: ['x'],
        },
        {
          id: 'TG2',
          label: { vi: 'Phối hợp', en: 'Coordination' },
          short: { vi: 'Phối hợp', en: 'Coordination' },
          description: { vi: 'x', en: 'x' },
          phrases: ['x'],
        },
      ],
    },
    method: { aligner: 'supervised', annotatedUnits: 0, description: '' },
    plans: [a, b],
    coverage: [
      {
        planId: 'alpha',
        cells: [
          {
            group: 'TG1',
            status: 'operationalised',
            units: ['alpha:u2'],
            operationalUnits: ['alpha:u2'],
            share: 0.5,
          },
          { group: 'TG2', status: 'mentioned', units: ['alpha:u3'], operationalUnits: [], share: 0.3 },
        ],
      },
      {
        planId: 'beta',
        cells: [
          {
            group: 'TG1',
            status: 'operationalised',
            units: ['beta:u2'],
            operationalUnits: ['beta:u2'],
            share: 0.9,
          },
        ],
      },
    ],
  } as unknown as Analysis;
  if (withFindings) analysis.findings = findings();
  return analysis;
}

function findings(): Findings {
  const ref = (planId: string, unitId: string, text: string) => ({
    planId,
    unitId: `${planId}:${unitId}`,
    span: [0, 1] as [number, number],
    text,
  });
  return {
    plans: ['alpha', 'beta'],
    similarity: [
      [1, 0.4],
      [0.4, 1],
    ],
    keyness: [
      {
        planId: 'alpha',
        terms: [
          { term: 'báo chí', g2: 3, countInPlan: 1, countInRest: 0 },
          { term: 'tỉnh', g2: 5, countInPlan: 1, countInRest: 0 },
        ],
      },
      { planId: 'beta', terms: [{ term: 'cửa khẩu', g2: 4, countInPlan: 1, countInRest: 0 }] },
    ],
    additions: [],
    omissions: [],
    comparisons: [
      {
        a: 'alpha',
        b: 'beta',
        similarity: 0.4,
        pairs: [
          {
            group: 'TG1',
            a: ref('alpha', 'u2', 'Tăng cường công tác thông tin đối ngoại của tỉnh'),
            b: ref('beta', 'u2', 'Đổi mới thông tin ĐỐI NGOẠI ở cửa khẩu'),
            similarity: 0.4,
            matchedTerms: ['thông tin đối ngoại'],
            diff: [
              { op: 'removed', text: 'Tăng cường công tác ' },
              { op: 'added', text: 'Đổi mới ' },
              { op: 'equal', text: 'thông tin đối ngoại ' },
              { op: 'removed', text: 'của tỉnh' },
              { op: 'added', text: 'ở cửa khẩu' },
            ],
          },
        ],
        reuse: [],
        onlyInA: [ref('alpha', 'u3', 'Phối hợp với các cơ quan báo chí')],
        onlyInB: [],
      },
    ],
  };
}
