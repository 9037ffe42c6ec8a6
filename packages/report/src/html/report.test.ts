import { beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../analysis-schema.ts';
import { bundledAnalysis, sampleFindings, withPlanNotCiting } from '../export/test-fixture.ts';
import { escapeXml } from './escape.ts';
import { coverageHeatmapSvg } from './heatmap.ts';
import { type ReportLang, reportStrings } from './i18n.ts';
import { DETAIL_LIMIT } from './provinces.ts';
import { moreThanListed, renderHtmlReport } from './report.ts';

let analysis: Analysis;
beforeAll(() => {
  analysis = bundledAnalysis();
});

/** An analysis whose document strings try to break out of the markup. */
function hostile(a: Analysis): Analysis {
  const copy = structuredClone(a);
  copy.plans[0]!.meta.province = '<script>alert(1)</script>';
  copy.plans[0]!.units[10]!.text = '"><img src=x onerror=alert(1)> & <b>';
  copy.directive.taskGroups[0]!.short.en = '<i>Leadership</i>';
  return copy;
}

describe('coverageHeatmapSvg', () => {
  it('draws one cell per plan × group with its status and share', () => {
    const svg = coverageHeatmapSvg(analysis);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    const cells = [
      ...svg.matchAll(/<g class="cell" data-plan="([^"]+)" data-group="([^"]+)" data-status="(\w+)">/g),
    ];
    expect(cells).toHaveLength(analysis.plans.length * analysis.directive.taskGroups.length);
    for (const [, plan, group, status] of cells) {
      const cell = analysis.coverage.find((c) => c.planId === plan)!.cells.find((c) => c.group === group)!;
      expect(status).toBe(cell.status);
    }
    expect(svg).toContain('Lạng Sơn 135-KH/TU');
    // Balanced: every opened group is closed.
    expect(svg.match(/<g\b/g)!.length).toBe(svg.match(/<\/g>/g)!.length);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  });

  it('can show a subset of plans, in the order given', () => {
    const svg = coverageHeatmapSvg(analysis, { planIds: ['qnh-implementation', 'lso-135-conference'] });
    const plans = [...svg.matchAll(/data-plan="([^"]+)" data-group="TG1"/g)].map((m) => m[1]);
    expect(plans).toEqual(['qnh-implementation', 'lso-135-conference']);
  });

  it('escapes document strings', () => {
    const svg = coverageHeatmapSvg(hostile(analysis));
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<i>');
    expect(svg).toContain('&lt;script&gt;');
  });
});

describe('renderHtmlReport', () => {
  it('is one self-contained document: inline CSS and SVG, no scripts or external assets', () => {
    const html = renderHtmlReport(analysis, { generatedAt: '2024-01-01' });
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<style>');
    expect(html).toContain('@media print');
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(http/i);
    expect(html).not.toMatch(/\b(?:src|href)="(?:https?:)?\/\//i);
    // Internal anchors only.
    for (const [, href] of html.matchAll(/href="([^"]*)"/g)) expect(href!.startsWith('#')).toBe(true);
  });

  it('has the sections: coverage, plans, additions, omissions, reuse, method, evaluation', () => {
    const html = renderHtmlReport(analysis, { lang: 'en' });
    for (const id of ['coverage', 'plans', 'additions', 'omissions', 'reuse', 'method', 'evaluation'])
      expect(html).toContain(`<section id="${id}">`);
    for (const p of analysis.plans) expect(html).toContain(`id="plan-${p.id}"`);
    expect(html).toContain(analysis.evaluation!.engine.macroF1.toFixed(3));
    expect(html).toContain(escapeXml(analysis.method.description));
    // Without findings, the findings sections say so.
    expect(html.match(/not available: this analysis has no findings/g)).toHaveLength(3);
    // In Vietnamese, with the decimal comma.
    const vi = renderHtmlReport(analysis);
    expect(vi).toContain('<html lang="vi">');
    expect(vi).toContain(analysis.evaluation!.engine.macroF1.toFixed(3).replace('.', ','));
    expect(vi.match(/chưa có, vì phân tích này không có kết quả so sánh/g)).toHaveLength(3);
  });

  it('shows findings when present', () => {
    const html = renderHtmlReport({ ...analysis, findings: sampleFindings(analysis) }, { lang: 'en' });
    expect(html).not.toContain('has no findings');
    expect(html).toContain('cụm thông tin đối ngoại | cửa khẩu &lt;biên giới&gt;');
    expect(html).toContain('đào tạo, bồi dưỡng cán bộ');
    expect(html).toContain('=HYPERLINK(&quot;x&quot;) nghiên cứu, học tập');
    expect(html).toContain('log-likelihood G² &lt;against&gt; the rest');
    expect(html).toContain('0.71');
  });

  it('escapes every document string', () => {
    const html = renderHtmlReport(hostile(analysis));
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('is deterministic without generatedAt', () => {
    expect(renderHtmlReport(analysis)).toBe(renderHtmlReport(analysis));
  });

  it('says when there is no evaluation', () => {
    const { evaluation: _e, ...rest } = analysis;
    expect(renderHtmlReport(rest as Analysis, { lang: 'en' })).toContain('Evaluation not available');
    expect(renderHtmlReport(rest as Analysis)).toContain('Chưa có đánh giá');
  });
});

describe('moreThanListed', () => {
  it('says how many more plans carry an omission when a large corpus lists only the first', () => {
    expect(moreThanListed({ carriedBy: ['a', 'b'], carriedByCount: 7 })).toBe(' (+5 more)');
    expect(moreThanListed({ carriedBy: ['a', 'b'] })).toBe('');
  });
});

describe('plans that do not cite the directive', () => {
  it('are marked on their heatmap row, in their section and in the lead, and left out of the totals', () => {
    const plain = renderHtmlReport(analysis, { lang: 'en' });
    expect(plain).not.toContain('⚠');
    expect(plain).toContain(`How ${analysis.plans.length} local plans implement`);
    const flagged = withPlanNotCiting(analysis, 0);
    const html = renderHtmlReport(flagged, { lang: 'en' });
    const n = analysis.plans.length;
    expect(html).toContain(`How ${n - 1} local plans implement`);
    expect(html).toContain(`⚠ 1 of the ${n} plans does not cite 57-KL/TW`);
    expect(html).toContain(`Of the ${n - 1} plans citing 57-KL/TW`);
    expect(html).toContain('is not counted');
    const section = html.slice(html.indexOf(`id="plan-${flagged.plans[0]!.id}"`));
    expect(section.slice(0, section.indexOf('</section>'))).toContain(
      'This plan does not cite 57-KL/TW; it cites 57-NQ/TW (2024-12-22), the same number for another document',
    );
    const svg = coverageHeatmapSvg(flagged, { lang: 'en' });
    expect(svg.match(/⚠ does not cite 57-KL\/TW · cites 57-NQ\/TW/g)).toHaveLength(1);
    const vi = renderHtmlReport(flagged);
    expect(vi).toContain(`⚠ 1 trong ${n} kế hoạch không trích dẫn 57-KL/TW`);
    expect(vi).toContain(
      'Kế hoạch này không trích dẫn 57-KL/TW; kế hoạch trích dẫn 57-NQ/TW (2024-12-22), cùng số hiệu nhưng là văn bản khác',
    );
    expect(
      coverageHeatmapSvg(flagged).match(/⚠ không trích dẫn 57-KL\/TW · trích dẫn 57-NQ\/TW/g),
    ).toHaveLength(1);
  });
});

/** The text a reader sees: no markup, no style, no identifiers in <code> (plan and unit ids are cited as they are). */
function visibleText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, ' ')
    .replace(/<code>[\s\S]*?<\/code>/g, ' ')
    .replace(/<title>[\s\S]*?<\/title>/g, (t) => t.replace(/<\/?title>/g, ' '))
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** The other language's interface phrases: the parts of its strings between placeholders, of two words or more, not shared. */
function foreignPhrases(lang: ReportLang): string[] {
  const other = lang === 'vi' ? 'en' : 'vi';
  const own = reportStrings(lang).join('\n');
  return [
    ...new Set(
      reportStrings(other)
        .flatMap((s) => s.split(/\{\w+\}/))
        .map((s) => s.replace(/^[\s,.;:()·…⚠/*-]+|[\s,.;:()·…⚠/*-]+$/g, ''))
        .filter((s) => /\p{L}{2,}\s+\p{L}{2,}/u.test(s) && !own.includes(s)),
    ),
  ];
}

/**
 * The analysis with the documents' own words replaced by a neutral token, so
 * that what is left of either language in a report is the report's own.
 */
function neutralised(a: Analysis): Analysis {
  const copy = structuredClone(a);
  const X = 'Xxx';
  for (const p of copy.plans) {
    for (const u of p.units) u.text = X;
    p.meta.issuingBody = X;
    p.meta.title = X;
    if (p.meta.signer) p.meta.signer = X;
    for (const f of p.fields) f.agencies = f.agencies?.map(() => X);
  }
  for (const g of copy.directive.taskGroups) g.label.vi = X;
  for (const c of copy.citations?.checks ?? []) for (const e of c.evidence) e.text = X;
  return copy;
}

function neutralFindings(a: Analysis): Analysis {
  const f = sampleFindings(a);
  for (const c of f.additions) {
    c.label = 'Xxx';
    c.keyTerms = c.keyTerms.map((t) => ({ ...t, term: 'Xxx' }));
    for (const p of c.passages) p.text = 'Xxx';
  }
  for (const o of f.omissions) {
    o.label = 'Xxx';
    o.keyTerms = o.keyTerms.map((t) => ({ ...t, term: 'Xxx' }));
    for (const p of o.examples) p.text = 'Xxx';
  }
  for (const c of f.comparisons) for (const r of c.reuse) r.text = 'Xxx';
  for (const k of f.keyness) k.terms = k.terms.map((t) => ({ ...t, term: 'Xxx' }));
  return { ...a, findings: f } as Analysis;
}

describe('the report in Vietnamese and English', () => {
  const both = () => {
    const plain = neutralised(analysis);
    const withFindings = neutralFindings(plain);
    const notCiting = withPlanNotCiting(plain, 1);
    const render = (lang: ReportLang) => [
      renderHtmlReport(withFindings, { lang }),
      renderHtmlReport(notCiting, { lang }),
      renderHtmlReport(withFindings, { lang, layout: 'summary' }),
    ];
    return { vi: render('vi'), en: render('en') };
  };

  it('has every heading, label and table header in the language asked for, and none of the other', () => {
    const reports = both();
    for (const lang of ['vi', 'en'] as const) {
      const phrases = foreignPhrases(lang);
      expect(phrases.length).toBeGreaterThan(100);
      for (const html of reports[lang]) {
        const text = visibleText(html);
        const leaks = phrases.filter((p) => text.includes(p));
        expect(leaks, `${lang} report shows strings of the other language`).toEqual([]);
      }
    }
    const vi = reports.vi[0]!;
    for (const h of [
      'Mức độ bao phủ các nhóm nhiệm vụ',
      'Nội dung bổ sung của các kế hoạch',
      'Hồ sơ triển khai',
    ])
      expect(vi).toContain(`<h2>${h}</h2>`);
    expect(vi).toContain('<th>Nhóm nhiệm vụ</th><th>Trạng thái</th>');
    expect(vi).toContain('đã cụ thể hóa thành nhiệm vụ');
  });

  it('shows no internal names: slugs of kinds, levels, statuses, roles or models', () => {
    const reports = both();
    const slugs = [
      'held-out',
      '(heading)',
      'ket-luan',
      'nghi-quyet',
      'quyet-dinh',
      'study-and-dissemination',
      'cites-confusable',
      'no-citation',
      'date-differs',
      'number-differs',
      'undefined',
      'NaN',
    ];
    const englishWords = [
      'supervised',
      'lexical',
      'implementation',
      'operationalised',
      'mentioned',
      'absent',
      'province level',
      'district level',
      'conference',
    ];
    for (const lang of ['vi', 'en'] as const)
      for (const html of reports[lang]) {
        const text = visibleText(html);
        for (const slug of [...slugs, ...(lang === 'vi' ? englishWords : [])])
          expect(text.includes(slug), `"${slug}" in the ${lang} report`).toBe(false);
      }
  });

  it('ranks additions as the CLI and the viewer do, and says how many more are in the CSV', () => {
    const findings = sampleFindings(analysis);
    const plan = findings.additions[0]!.planId;
    const extra = Array.from({ length: 7 }, (_, i) => ({
      ...findings.additions[0]!,
      id: `${plan}:add${i + 2}`,
      label: `cụm ${i + 2}`,
    }));
    findings.additions.push(...extra);
    const html = renderHtmlReport({ ...analysis, findings });
    const shown = [...html.matchAll(/<h3>[^<]*#(\d+): ([^<]*)<\/h3>/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(shown).toEqual(findings.additions.slice(0, 5).map((c, i) => `${i + 1} ${escapeXml(c.label)}`));
    expect(html).toContain('… còn 3 cụm khác của Quảng Ninh, kế hoạch thực hiện trong csv/additions.csv');
    expect(renderHtmlReport({ ...analysis, findings }, { lang: 'en' })).toContain(
      '… 3 more clusters of Quảng Ninh, implementation plan in csv/additions.csv',
    );
  });
});

/** The bundled plans repeated under new ids in `provinces` provinces, a province plan and districts each. */
function nationalAnalysis(plans: number, provinces: number): Analysis {
  const base = analysis;
  const copy = structuredClone(base);
  copy.plans = [];
  copy.coverage = [];
  for (let i = 0; i < plans; i++) {
    const source = base.plans[i % base.plans.length]!;
    const row = base.coverage.find((c) => c.planId === source.id)!;
    const id = `plan-${String(i).padStart(5, '0')}`;
    const province = `Tỉnh ${String(i % provinces).padStart(2, '0')}`;
    const district = i < provinces ? undefined : `Huyện ${Math.floor(i / provinces)}`;
    copy.plans.push({
      ...source,
      id,
      meta: {
        ...source.meta,
        id,
        province,
        level: district ? 'district' : 'province',
        ...(district ? { district } : {}),
      },
    });
    copy.coverage.push({ ...row, planId: id });
  }
  return copy;
}

describe('the report of a large corpus', () => {
  it('is a summary by province: totals, a roll-up row per province, each plan once in its province', () => {
    const national = nationalAnalysis(DETAIL_LIMIT * 3, 12);
    const html = renderHtmlReport(national);
    expect(html).toContain('<section id="summary">');
    expect(html).not.toContain('<svg');
    expect(html).not.toContain('class="matrix"');
    const sections = [...html.matchAll(/<section class="province" id="province-(\d+)">\n<h3>([^<]*)<\/h3>/g)];
    expect(sections.map((m) => m[2])).toEqual(
      Array.from({ length: 12 }, (_, i) => `Tỉnh ${String(i).padStart(2, '0')}`),
    );
    const rollup = html.slice(
      html.indexOf('<table class="rollup">'),
      html.indexOf('</table>', html.indexOf('<table class="rollup">')),
    );
    expect(rollup.match(/<tr><td><a href="#province-/g)).toHaveLength(12);
    // Each plan is one row of its province's coverage table, the province's own plan first.
    const rows = html.match(/<tr><td>[^<]*<\/td><td>cấp (tỉnh|huyện)<\/td>/g) ?? [];
    expect(rows).toHaveLength(national.plans.length);
    const first = html.slice(html.indexOf('id="province-1"'));
    expect(first.indexOf('cấp tỉnh')).toBeLessThan(first.indexOf('cấp huyện'));
    // Under its province's heading a district plan is named by its district.
    expect(first.slice(0, first.indexOf('</section>'))).toMatch(
      /<tr><td>Huyện 1, kế hoạch [^<]*<\/td><td>cấp huyện/,
    );
    // The same bytes every time.
    expect(renderHtmlReport(national)).toBe(html);
  });

  it('grows in proportion to the plans, not to the pairs of plans', () => {
    const findings = (a: Analysis) => {
      const ids = a.plans.map((p) => p.id);
      return {
        ...sampleFindings(analysis),
        plans: ids,
        similarity: ids.map(() => ids.map(() => 0.3)),
        keyness: [],
        additions: [],
        omissions: [],
        comparisons: ids
          .slice(1)
          .map((b, i) => ({ ...sampleFindings(analysis).comparisons[0]!, a: ids[i]!, b })),
      };
    };
    const small = nationalAnalysis(100, 10);
    const large = nationalAnalysis(400, 10);
    const a = renderHtmlReport({ ...small, findings: findings(small) }).length;
    const b = renderHtmlReport({ ...large, findings: findings(large) }).length;
    expect(b / a).toBeLessThan(4.5);
    expect(b / large.plans.length).toBeLessThan(2000);
  });

  it('can be asked for in detail, and the small corpus as a summary', () => {
    const summary = renderHtmlReport(analysis, { layout: 'summary', lang: 'en' });
    expect(summary).toContain('<section id="summary">');
    expect(summary).toContain('Coverage by province');
    for (const name of ['Quảng Ngãi', 'Lạng Sơn', 'Quảng Ninh', 'Province unknown'])
      expect(summary).toContain(`<h3>${name}</h3>`);
  });
});
