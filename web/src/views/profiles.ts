/**
 * Profiles: the implementation profile of every plan as a sortable table
 * (lag, restatement, own text, textual learning, operationalisation depth per
 * task group), the citation checks with links to the passages, and the
 * citation graph (plans → cited documents). `profilePanel` is the same
 * profile for one plan, shown in the reader. Definitions: docs/measures.md.
 */
import type { Ctx, ViewHandle } from '../context.ts';
import { h } from '../dom.ts';
import { csvText, download } from '../export.ts';
import { percent, planName, t } from '../i18n.ts';
import { columnValue, type ProfileRow, SHARE_KEYS } from '../profile-rows.ts';
import type { Analysis, Lang, Plan } from '../types.ts';

type Profile = NonNullable<Analysis['profiles']>[number];

const TEXT = {
  vi: {
    intro:
      'Hồ sơ triển khai của từng kế hoạch: độ trễ so với văn bản chỉ đạo, tỷ lệ nhắc lại và nội dung riêng, mức cụ thể hóa từng nhóm nhiệm vụ, và văn bản được sử dụng lại từ cấp trên hay từ địa phương khác. Mỗi con số dẫn về các đoạn văn tạo ra nó.',
    table: 'Hồ sơ triển khai',
    plan: 'Kế hoạch',
    lag: 'Độ trễ (ngày)',
    lagHelp:
      'Số ngày từ ngày ban hành văn bản chỉ đạo đến ngày của kế hoạch; khoảng khi ngày chỉ biết đến tháng.',
    restated: 'Nhắc lại',
    restatedHelp:
      'Tỷ lệ nội dung nhắc lại văn bản chỉ đạo (từ ngữ các nhóm nhiệm vụ, đoạn văn chung của nhiều kế hoạch).',
    own: 'Riêng',
    ownHelp: 'Tỷ lệ nội dung riêng của kế hoạch (nội dung bổ sung, địa danh, chương trình riêng).',
    vertical: 'Từ cấp trên',
    verticalHelp: 'Tỷ lệ văn bản dùng lại từ kế hoạch cấp trên trong cùng tỉnh.',
    horizontal: 'Từ tỉnh khác',
    horizontalHelp: 'Tỷ lệ văn bản dùng lại từ kế hoạch cùng cấp của tỉnh khác.',
    boilerplate: 'Văn bản chung',
    boilerplateHelp: 'Tỷ lệ văn bản là phần nhắc lại chung mà đa số kế hoạch đều có.',
    depth: 'Mức cụ thể {g}',
    depthHelp:
      '0 không có; 1 chỉ nhắc đến; 2 thành nhiệm vụ; 3 có cơ quan chủ trì; 4 có cơ quan và thời hạn.',
    unknown: 'không rõ',
    checks: 'Kiểm tra trích dẫn',
    noChecks: 'Không phát hiện trích dẫn không nhất quán.',
    showAllChecks: 'Hiện tất cả {n} cảnh báo',
    graph: 'Đồ thị trích dẫn',
    graphHelp: 'Mỗi đường nối một kế hoạch với văn bản nó trích dẫn; văn bản có cảnh báo được tô đậm.',
    profile: 'Hồ sơ triển khai',
    levelAbove: 'Kế hoạch cấp trên',
    agencies: 'Cơ quan',
    deadlines: 'Thời hạn',
    targets: 'Chỉ tiêu',
    notMeasured: 'chưa đo (không chạy bước so sánh)',
    note: 'Ghi chú',
    sources: 'Dùng lại nhiều nhất từ',
  },
  en: {
    intro:
      'The implementation profile of every plan: its lag after the directive, how much it restates and how much is its own, how specific it is per task group, and whether its text comes from the level above or from other provinces. Every figure leads to the passages behind it.',
    table: 'Implementation profiles',
    plan: 'Plan',
    lag: 'Lag (days)',
    lagHelp: 'Days from the directive’s date to the plan’s date; an interval when only the month is known.',
    restated: 'Restated',
    restatedHelp:
      'Share of the content restating the directive (its task groups’ wording, passages many plans share).',
    own: 'Own',
    ownHelp: 'Share of the content that is the plan’s own (additions, local names, its own programmes).',
    vertical: 'From level above',
    verticalHelp: 'Share of the text reused from the plan of the level above in its own province.',
    horizontal: 'From other provinces',
    horizontalHelp: 'Share of the text reused from plans of other provinces at the same level.',
    boilerplate: 'Common text',
    boilerplateHelp: 'Share of the text that is the common restatement most plans share.',
    depth: 'Depth {g}',
    depthHelp:
      '0 absent; 1 only mentioned; 2 turned into tasks; 3 with a named agency; 4 with an agency and a deadline.',
    unknown: 'unknown',
    checks: 'Citation checks',
    noChecks: 'No inconsistent citation found.',
    showAllChecks: 'Show all {n} checks',
    graph: 'Citation graph',
    graphHelp: 'Each line joins a plan to a document it cites; documents with a warning are bold.',
    profile: 'Implementation profile',
    levelAbove: 'Plan of the level above',
    agencies: 'Agencies',
    deadlines: 'Deadlines',
    targets: 'Targets',
    notMeasured: 'not measured (the diff stage did not run)',
    note: 'Note',
    sources: 'Reuses most from',
  },
} as const;

type Key = keyof (typeof TEXT)['en'];
const tx = (lang: Lang, key: Key, g = ''): string => TEXT[lang][key].replace('{g}', g);

function days(p: Profile['lag']['directive'], lang: Lang): string {
  if (!p.days) return tx(lang, 'unknown');
  return p.days.min === p.days.max ? String(p.days.min) : `${p.days.min}–${p.days.max}`;
}

type Column = {
  key: string;
  label: string;
  help: string;
  show: (r: ProfileRow) => string;
};

function columns(analysis: Analysis, lang: Lang): Column[] {
  const share = (k: (typeof SHARE_KEYS)[number], i: number): Column => ({
    key: k,
    label: tx(lang, k),
    help: tx(lang, `${k}Help`),
    show: (r) => {
      const v = r.shares[i];
      return v === null || v === undefined ? '—' : percent(v);
    },
  });
  return [
    {
      key: 'lag',
      label: tx(lang, 'lag'),
      help: tx(lang, 'lagHelp'),
      show: (r) =>
        !r.lag ? tx(lang, 'unknown') : r.lag[0] === r.lag[1] ? String(r.lag[0]) : `${r.lag[0]}–${r.lag[1]}`,
    },
    ...SHARE_KEYS.map(share),
    ...analysis.directive.taskGroups.map(
      (g, i): Column => ({
        key: `depth-${g.id}`,
        label: tx(lang, 'depth', g.id),
        help: tx(lang, 'depthHelp'),
        show: (r) => String(r.depth[i] ?? '—'),
      }),
    ),
  ];
}

/** Above this many rows only those in view are in the DOM (a virtual table), as the heatmap does. */
const VIRTUAL_MIN = 100;
const ROW_H = 30;

export function mountProfiles(root: HTMLElement, ctx: Ctx): ViewHandle {
  let generation = 0;
  const draw = (): void => {
    const lang = ctx.state.lang;
    const analysis = ctx.corpus.analysis;
    const groups = analysis.directive.taskGroups.map((g) => g.id);
    const cols = columns(analysis, lang);
    const sortKey = ctx.state.sort && cols.some((c) => c.key === ctx.state.sort) ? ctx.state.sort : undefined;
    const plan = (id: string): Plan | undefined => ctx.corpus.planById.get(id);
    const head = h(
      'tr',
      {},
      h('th', { scope: 'col' }, tx(lang, 'plan')),
      cols.map((c) =>
        h(
          'th',
          {
            scope: 'col',
            title: c.help,
            'aria-sort': sortKey === c.key ? (ctx.state.desc ? 'descending' : 'ascending') : undefined,
          },
          h(
            'a',
            {
              href: ctx.href({ sort: c.key, desc: sortKey === c.key ? !ctx.state.desc : false }),
              class: 'sort',
            },
            c.label,
          ),
        ),
      ),
    );
    const rowOf = (p: ProfileRow, at: number) => {
      const pl = plan(p.planId);
      return h(
        'tr',
        { 'data-plan': p.planId, 'aria-rowindex': at + 2 },
        h(
          'th',
          { scope: 'row' },
          h(
            'a',
            // The full name on hover: a virtual row keeps one line and may cut it.
            {
              href: ctx.href({ view: 'reader', plan: p.planId, unit: undefined }),
              title: pl ? planName(pl, lang) : p.planId,
            },
            pl ? planName(pl, lang) : p.planId,
          ),
        ),
        cols.map((c) => h('td', { class: 'num' }, c.show(p))),
      );
    };
    const tbody = h('tbody', {});
    const table = h('table', { class: 'profiles', id: 'profile-table' }, h('thead', {}, head), tbody);
    const wrap = h('div', { class: 'table-wrap' }, table);
    let rows: ProfileRow[] = [];
    const csv = h('button', { type: 'button', class: 'btn', id: 'profiles-csv' }, t(lang, 'exportCsv'));
    csv.addEventListener('click', () =>
      download(
        'doichieu-profiles.csv',
        csvText(
          ['plan_id', 'plan', ...cols.map((c) => c.key)],
          rows.map((p) => {
            const pl = plan(p.planId);
            return [
              p.planId,
              pl ? planName(pl, lang) : p.planId,
              ...cols.map((c) => columnValue(p, c.key, groups) ?? ''),
            ];
          }),
        ),
        'text/csv;charset=utf-8',
      ),
    );
    const count = h(
      'span',
      { class: 'count', id: 'profiles-count', 'aria-live': 'polite' },
      t(lang, 'loading'),
    );
    // Only the rows in the scroll box's view (and a margin) are drawn; spacer rows keep the scroll height.
    let drawn = '';
    // The rows' real height: fonts and padding can make a row taller than ROW_H (35 px seen), and
    // spacers sized by the wrong height make the scroll position drift. Measured once, after the first
    // draw has been laid out by the browser's own frame: reading it in the same task would force the
    // whole page's layout into the task that built the rows (about 50 ms at 700 plans).
    let rowH = ROW_H;
    let firstDraw = true;
    const drawWindow = () => {
      if (rows.length <= VIRTUAL_MIN) return;
      // The first draw is at the top of a box not yet laid out: the window's height stands for the box's.
      const top = firstDraw ? 0 : Math.max(0, wrap.scrollTop - (table.tHead?.offsetHeight ?? 0));
      const viewport = firstDraw ? window.innerHeight || 900 : wrap.clientHeight || 900;
      const from = Math.max(0, Math.floor(top / rowH) - 10);
      const to = Math.min(rows.length, from + Math.ceil(viewport / rowH) + 20);
      if (drawn === `${from}:${to}`) return;
      drawn = `${from}:${to}`;
      const spacer = (n: number) => {
        const cell = h('td', { colspan: cols.length + 1 });
        cell.style.height = `${n * rowH}px`;
        return h('tr', { class: 'spacer', 'aria-hidden': 'true' }, cell);
      };
      tbody.replaceChildren(
        ...(from > 0 ? [spacer(from)] : []),
        ...rows.slice(from, to).map((r, k) => rowOf(r, from + k)),
        ...(to < rows.length ? [spacer(rows.length - to)] : []),
      );
      if (firstDraw) {
        firstDraw = false;
        requestAnimationFrame(() => setTimeout(measureRows, 0));
      }
    };
    const measureRows = () => {
      const height = tbody.querySelector<HTMLElement>('tr:not(.spacer)')?.getBoundingClientRect().height ?? 0;
      if (height > 0 && Math.abs(height - rowH) > 0.5) rowH = height;
      drawn = '';
      drawWindow();
    };
    let pending = false;
    wrap.addEventListener('scroll', () => {
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        drawWindow();
      });
    });
    const gen = ++generation;
    ctx.data.profileRows(sortKey, ctx.state.desc).then(
      (got) => {
        if (gen !== generation) return;
        rows = got;
        count.textContent = t(lang, 'plans', { n: rows.length });
        table.setAttribute('aria-rowcount', String(rows.length + 1));
        if (rows.length > VIRTUAL_MIN) {
          wrap.classList.add('virtual');
          table.classList.add('virtual');
          drawWindow();
        } else tbody.replaceChildren(...rows.map(rowOf));
        table.dataset.ready = 'true';
      },
      (error: unknown) => {
        if (gen === generation) count.textContent = String(error instanceof Error ? error.message : error);
      },
    );
    const citations = analysis.citations;
    const checks = citations?.checks ?? [];
    const graph = h(
      'div',
      { class: 'citation-graph-wrap' },
      !citations
        ? h('p', {}, '—')
        : ctx.corpus.plans.length > VIRTUAL_MIN
          ? []
          : citationGraphSvg(citations, checks),
    );
    const checkItem = (c: (typeof checks)[number]) =>
      h(
        'li',
        {},
        h('strong', {}, `${c.planId}: `),
        c.message,
        ' ',
        c.evidence
          .slice(0, 4)
          .map((e) =>
            h(
              'a',
              { href: ctx.href({ view: 'reader', plan: c.planId, unit: e.unitId }), class: 'evidence' },
              `[${e.text}]`,
            ),
          ),
      );
    // At national scale there are hundreds of checks (445 at 700 plans): laying them all out in the
    // task that opens the view blocked input for over 100 ms. The first ones are shown, the rest on
    // request, a chunk per task.
    const checksList = () => {
      const list = h('ul', { class: 'checks', id: 'citation-checks' });
      const shown = checks.length > CHECKS_SHOWN * 2 ? CHECKS_SHOWN : checks.length;
      list.append(...checks.slice(0, shown).map(checkItem));
      if (shown === checks.length) return list;
      const more = h(
        'button',
        { type: 'button', class: 'btn', id: 'citation-checks-all' },
        tx(lang, 'showAllChecks').replace('{n}', String(checks.length)),
      );
      more.addEventListener('click', () => {
        more.disabled = true;
        const appendFrom = (from: number) => {
          if (gen !== generation) return;
          list.append(...checks.slice(from, from + CHECKS_CHUNK).map(checkItem));
          if (from + CHECKS_CHUNK < checks.length) setTimeout(() => appendFrom(from + CHECKS_CHUNK), 0);
          else more.remove();
        };
        appendFrom(shown);
      });
      return h('div', {}, list, more);
    };
    root.replaceChildren(
      h('p', { class: 'intro' }, tx(lang, 'intro')),
      h('h2', {}, tx(lang, 'table')),
      h('div', { class: 'toolbar exports', role: 'group', 'aria-label': t(lang, 'export') }, csv, count),
      wrap,
      h('p', { class: 'note' }, `${tx(lang, 'depth', '').trim()}: ${tx(lang, 'depthHelp')}`),
      h('h2', {}, tx(lang, 'checks')),
      checks.length === 0 ? h('p', { class: 'note' }, tx(lang, 'noChecks')) : checksList(),
      h('h2', {}, tx(lang, 'graph')),
      h('p', { class: 'note' }, tx(lang, 'graphHelp')),
      graph,
    );
    // At national scale the graph (a label and lines per plan) is drawn in a task of its own, after the table.
    if (citations && ctx.corpus.plans.length > VIRTUAL_MIN)
      setTimeout(() => {
        if (gen === generation) graph.replaceChildren(citationGraphSvg(citations, checks));
      }, 0);
  };
  draw();
  return { update: draw };
}

/** Citation checks shown when the view opens; the rest are added on request, {@link CHECKS_CHUNK} per task. */
const CHECKS_SHOWN = 50;
const CHECKS_CHUNK = 100;

const SVG = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

/** Plans on the left, cited documents on the right, a line per citation (bipartite layout: readable for tens of documents). */
function citationGraphSvg(
  citations: NonNullable<Analysis['citations']>,
  checks: NonNullable<Analysis['citations']>['checks'],
): SVGSVGElement {
  const plans = [...new Set(citations.citations.map((c) => c.from))];
  const docs = citations.documents.filter((d) => d.citedBy.length > 0).map((d) => d.id);
  const flagged = new Set(checks.flatMap((c) => c.documents));
  const row = 18;
  const height = Math.max(plans.length, docs.length) * row + 20;
  const width = 640;
  const y = (i: number, n: number) => 14 + (i + 0.5) * ((height - 20) / Math.max(1, n));
  const el = svg('svg', {
    viewBox: `0 0 ${width} ${height}`,
    class: 'citation-graph',
    id: 'citation-graph',
    role: 'img',
    'aria-label': 'citation graph',
  });
  const pIndex = new Map(plans.map((p, i) => [p, i]));
  const dIndex = new Map(docs.map((d, i) => [d, i]));
  for (const c of citations.citations) {
    const pi = pIndex.get(c.from);
    const di = dIndex.get(c.to);
    if (pi === undefined || di === undefined) continue;
    const line = svg('line', {
      x1: 200,
      y1: y(pi, plans.length),
      x2: 440,
      y2: y(di, docs.length),
      class: flagged.has(c.to) ? 'edge flagged' : 'edge',
    });
    line.append(svg('title', {}, `${c.from} → ${c.to} (${c.count}×)`));
    el.append(line);
  }
  for (const [i, p] of plans.entries())
    el.append(
      svg('text', { x: 194, y: y(i, plans.length) + 4, 'text-anchor': 'end', class: 'node plan' }, p),
    );
  for (const [i, d] of docs.entries())
    el.append(
      svg(
        'text',
        { x: 446, y: y(i, docs.length) + 4, class: flagged.has(d) ? 'node doc flagged' : 'node doc' },
        d,
      ),
    );
  return el;
}

/** One plan's profile, for the reader. */
export function profilePanel(
  profile: Profile | undefined,
  lang: Lang,
  unitHref: (unitId: string) => string,
  nameOf: (planId: string) => string = (id) => id,
): HTMLElement | undefined {
  if (!profile) return undefined;
  const rows: [string, Node | string][] = [
    [tx(lang, 'lag'), days(profile.lag.directive, lang)],
    [
      tx(lang, 'levelAbove'),
      `${profile.lag.levelAbove.planId ? nameOf(profile.lag.levelAbove.planId) : '—'} (${profile.lag.levelAbove.note})`,
    ],
    [tx(lang, 'restated'), percent(profile.reiteration.plan.restated)],
    [tx(lang, 'own'), percent(profile.reiteration.plan.own)],
  ];
  if (profile.learning) {
    const s = profile.learning.shares;
    rows.push(
      [tx(lang, 'vertical'), percent(s.vertical ?? 0)],
      [tx(lang, 'horizontal'), percent(s.horizontal ?? 0)],
      [tx(lang, 'boilerplate'), percent(s.boilerplate ?? 0)],
      [
        tx(lang, 'sources'),
        profile.learning.bySourcePlan
          .slice(0, 3)
          .map((b) => `${nameOf(b.planId)} ${percent(b.share)}`)
          .join(', ') || '—',
      ],
    );
    if (profile.learning.note) rows.push([tx(lang, 'note'), profile.learning.note]);
  } else rows.push([tx(lang, 'vertical'), tx(lang, 'notMeasured')]);
  const spec = profile.specificity.map((s) =>
    h(
      'li',
      {},
      h('strong', {}, `${s.group} · ${tx(lang, 'depth', '')} ${s.depth}`),
      s.agencies.length
        ? h(
            'span',
            {},
            ` · ${tx(lang, 'agencies')}: `,
            s.agencies.slice(0, 6).map((a) => h('a', { href: unitHref(a.evidence.unitId) }, `${a.name}; `)),
          )
        : '',
      s.deadlines.length
        ? h(
            'span',
            {},
            ` · ${tx(lang, 'deadlines')}: `,
            s.deadlines.slice(0, 4).map((d) => h('a', { href: unitHref(d.evidence.unitId) }, `${d.text}; `)),
          )
        : '',
      s.targets.length
        ? h('span', {}, ` · ${tx(lang, 'targets')}: ${s.targets.map((x) => x.text).join('; ')}`)
        : '',
    ),
  );
  return h(
    'section',
    { class: 'profile-panel', id: 'profile-panel' },
    h('h3', {}, tx(lang, 'profile')),
    h(
      'dl',
      {},
      rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]),
    ),
    h('ul', {}, spec),
  );
}
