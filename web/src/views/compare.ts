/**
 * Compare: two plans side by side, aligned by task group. With the diff
 * stage's findings: the word-level diff of paired units, verbatim reuse
 * marked, and additions and omissions listed. Without them: the units of
 * each group side by side, the differences in coverage status, and a note.
 */

import { planAdditions } from '../../../packages/diff/src/ranking.ts';
import type { Ctx, ViewHandle } from '../context.ts';
import { clear, h } from '../dom.ts';
import { csvText, download } from '../export.ts';
import { groupShort, percent, planName, t } from '../i18n.ts';
import { groupColour } from '../palette.ts';
import { defaultPair, diffSides, orientedComparison, statusDiffs } from '../prepare.ts';
import type { ViewState } from '../state.ts';
import { attachUnitTooltip } from '../tooltip.ts';
import type { DiffPart, Lang, PassageRef, PlanComparison } from '../types.ts';
import { copyLinkButton } from './coverage.ts';

export function mountCompare(root: HTMLElement, ctx: Ctx): ViewHandle {
  const lang = ctx.state.lang;
  const { corpus } = ctx;
  const fallback = defaultPair(corpus);
  const pick = (id: string, current: string | undefined) =>
    h(
      'select',
      { id, 'aria-label': t(lang, id === 'compare-a' ? 'planA' : 'planB') },
      corpus.plans.map((p) => h('option', { value: p.id, selected: p.id === current }, planName(p, lang))),
    );
  const body = h('div', { class: 'compare-body', id: 'compare-body' });
  const toolbar = h('div', { class: 'toolbar compare-toolbar' });
  root.append(h('p', { class: 'intro' }, t(lang, 'compareIntro')), toolbar, body);
  attachUnitTooltip(body, corpus, () => lang);

  const draw = (state: ViewState) => {
    const a = state.a && corpus.planById.has(state.a) ? state.a : fallback?.[0];
    const b = state.b && corpus.planById.has(state.b) ? state.b : fallback?.[1];
    clear(toolbar);
    clear(body);
    if (!a || !b) return;
    const selA = pick('compare-a', a);
    const selB = pick('compare-b', b);
    selA.addEventListener('change', () => ctx.go({ a: selA.value, b }));
    selB.addEventListener('change', () => ctx.go({ a, b: selB.value }));
    const swap = h('button', { type: 'button', class: 'btn', id: 'compare-swap' }, `⇄ ${t(lang, 'swap')}`);
    swap.addEventListener('click', () => ctx.go({ a: b, b: a }));
    toolbar.append(
      h('label', { for: 'compare-a', class: 'side-a' }, 'A'),
      selA,
      swap,
      h('label', { for: 'compare-b', class: 'side-b' }, 'B'),
      selB,
    );
    if (a === b) {
      body.append(h('p', { class: 'note' }, t(lang, 'samePlan')));
      return;
    }
    const comp = orientedComparison(corpus.findings, a, b);
    const nameA = planName(corpus.planById.get(a)!, lang);
    const nameB = planName(corpus.planById.get(b)!, lang);
    body.append(h('h2', { class: 'cmp-title' }, `A: ${nameA} ↔ B: ${nameB}`));
    const csv = h('button', { type: 'button', class: 'btn', id: 'compare-csv' }, t(lang, 'exportCsv'));
    csv.addEventListener('click', () =>
      download(`doichieu-compare-${a}-${b}.csv`, compareCsv(corpus, a, b, comp), 'text/csv;charset=utf-8'),
    );
    body.append(
      h(
        'div',
        { class: 'toolbar exports', role: 'group', 'aria-label': t(lang, 'export') },
        csv,
        copyLinkButton(lang, () => ({ id: `${a} ↔ ${b}`, name: `${nameA} ↔ ${nameB}` })),
      ),
    );
    if (!corpus.findings)
      body.append(h('p', { class: 'note', id: 'findings-missing' }, t(lang, 'noFindings')));
    else if (!comp) body.append(h('p', { class: 'note' }, t(lang, 'noComparison')));
    else
      body.append(
        h(
          'p',
          { class: 'similarity' },
          `${t(lang, 'similarity')}: `,
          h('strong', { id: 'pair-similarity' }, percent(comp.similarity)),
          ' · ',
          h('del', {}, t(lang, 'removedLegend')),
          ' · ',
          h('ins', {}, t(lang, 'addedLegend')),
          ' · ',
          h('span', { class: 'reuse-badge' }, t(lang, 'verbatim')),
        ),
      );

    // Status differences, available with or without findings.
    const diffs = statusDiffs(corpus, a, b);
    body.append(
      h(
        'section',
        { class: 'status-diffs', id: 'status-diffs' },
        h('h3', {}, t(lang, 'statusDiffs')),
        diffs.length === 0
          ? h('p', { class: 'muted' }, t(lang, 'noStatusDiffs'))
          : h(
              'ul',
              {},
              diffs.map((d) => {
                const g = corpus.groups[corpus.groupIndex.get(d.group) ?? 0]!;
                return h(
                  'li',
                  { 'data-group': d.group },
                  h('b', {}, `${d.group} · ${groupShort(g, lang)}: `),
                  `A ${t(lang, `status.${d.a}`)} (${percent(d.shareA)}) — B ${t(lang, `status.${d.b}`)} (${percent(d.shareB)})`,
                );
              }),
            ),
      ),
    );

    // Task groups side by side.
    const reuseUnits = reuseByUnit(comp);
    corpus.groups.forEach((g, gi) => {
      const cellA = corpus.coverage.get(a)?.get(g.id);
      const cellB = corpus.coverage.get(b)?.get(g.id);
      const head = h('h3', { class: 'group-head' }, h('span', { class: 'chip' }, g.id), ` ${g.label[lang]}`);
      head.querySelector<HTMLElement>('.chip')!.style.setProperty('--g', groupColour(gi));
      const section = h('section', { class: 'cmp-group', 'data-group': g.id }, head);
      section.style.setProperty('--g', groupColour(gi));
      const columnHead = (side: 'A' | 'B', name: string, status: string, share: number, n: number) =>
        h(
          'div',
          { class: `col-head side-${side.toLowerCase()}` },
          h('b', {}, `${side}: ${name}`),
          ` · ${t(lang, `status.${status as 'absent'}`)} · ${percent(share)} · ${t(lang, 'unitsOfGroup', { n })}`,
        );
      section.append(
        h(
          'div',
          { class: 'cmp-row heads' },
          columnHead('A', nameA, cellA?.status ?? 'absent', cellA?.share ?? 0, cellA?.units.length ?? 0),
          columnHead('B', nameB, cellB?.status ?? 'absent', cellB?.share ?? 0, cellB?.units.length ?? 0),
        ),
      );
      const pairs = comp?.pairs.filter((p) => p.group === g.id) ?? [];
      const pairedA = new Set(pairs.map((p) => p.a.unitId));
      const pairedB = new Set(pairs.map((p) => p.b.unitId));
      for (const p of pairs) {
        const sides = diffSides(p.diff);
        section.append(
          h(
            'div',
            { class: 'cmp-row pair', 'data-similarity': p.similarity.toFixed(2) },
            passageBox(p.a, sides.a, reuseUnits.get(p.a.unitId), lang),
            passageBox(p.b, sides.b, reuseUnits.get(p.b.unitId), lang),
            h('div', { class: 'pair-meta' }, `${t(lang, 'similarity')} ${percent(p.similarity)}`),
          ),
        );
      }
      const restA = (cellA?.units ?? []).filter((u) => !pairedA.has(u));
      const restB = (cellB?.units ?? []).filter((u) => !pairedB.has(u));
      if (restA.length > 0 || restB.length > 0)
        section.append(
          h(
            'div',
            { class: 'cmp-row rest' },
            h(
              'div',
              { class: 'col side-a' },
              restA.map((id) => unitBox(ctx, id, reuseUnits.get(id), lang)),
            ),
            h(
              'div',
              { class: 'col side-b' },
              restB.map((id) => unitBox(ctx, id, reuseUnits.get(id), lang)),
            ),
          ),
        );
      body.append(section);
    });

    // Pairs of content that carries no task group.
    const other = comp?.pairs.filter((p) => !corpus.groupIndex.has(p.group)) ?? [];
    if (other.length > 0) {
      const section = h(
        'section',
        { class: 'cmp-group', 'data-group': 'none' },
        h('h3', { class: 'group-head' }, h('span', { class: 'chip plain' }, '–'), ` ${t(lang, 'noGroup')}`),
      );
      for (const p of other) {
        const sides = diffSides(p.diff);
        section.append(
          h(
            'div',
            { class: 'cmp-row pair', 'data-similarity': p.similarity.toFixed(2) },
            passageBox(p.a, sides.a, reuseUnits.get(p.a.unitId), lang),
            passageBox(p.b, sides.b, reuseUnits.get(p.b.unitId), lang),
            h('div', { class: 'pair-meta' }, `${t(lang, 'similarity')} ${percent(p.similarity)}`),
          ),
        );
      }
      body.append(section);
    }

    if (comp) body.append(reuseSection(comp, lang), onlySection(comp, nameA, nameB, lang));
    if (corpus.findings) body.append(additionsSection(ctx, a, b, nameA, nameB, lang));
  };

  draw(ctx.state);
  return {
    update(state, previous) {
      if (state.a !== previous.a || state.b !== previous.b) draw(state);
    },
  };
}

/**
 * The comparison as the CLI's neutralised CSV, one row per finding: status
 * differences, paired units (similarity, the shared terms), verbatim reuse,
 * and the units only one plan has.
 */
export function compareCsv(
  corpus: Ctx['corpus'],
  a: string,
  b: string,
  comp: PlanComparison | undefined,
): string {
  const rows: Array<Array<string | number>> = [];
  for (const d of statusDiffs(corpus, a, b))
    rows.push(['status', d.group, '', '', '', `${d.a} ${d.shareA}`, `${d.b} ${d.shareB}`]);
  for (const p of comp?.pairs ?? [])
    rows.push(['pair', p.group, p.a.unitId, p.b.unitId, p.similarity, p.a.text, p.b.text]);
  for (const r of comp?.reuse ?? [])
    rows.push(['reuse', '', r.a.unitId, r.b.unitId, r.tokens, r.text, r.text]);
  for (const r of comp?.onlyInA ?? []) rows.push(['only_a', '', r.unitId, '', '', r.text, '']);
  for (const r of comp?.onlyInB ?? []) rows.push(['only_b', '', '', r.unitId, '', '', r.text]);
  return csvText(
    ['plan_a', 'plan_b', 'row', 'group', 'unit_a', 'unit_b', 'value', 'text_a', 'text_b'],
    rows.map((r) => [a, b, ...r]),
  );
}

function diffText(parts: DiffPart[]): HTMLElement {
  const el = h('span', { class: 'diff' });
  for (const p of parts)
    el.append(p.op === 'removed' ? h('del', {}, p.text) : p.op === 'added' ? h('ins', {}, p.text) : p.text);
  return el;
}

/** Longest verbatim run (in syllables) shared by each unit of either plan. */
function reuseByUnit(comp: PlanComparison | undefined): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of comp?.reuse ?? [])
    for (const id of [r.a.unitId, r.b.unitId]) out.set(id, Math.max(out.get(id) ?? 0, r.tokens));
  return out;
}

function reuseBadge(tokens: number | undefined, lang: Lang): HTMLElement | null {
  return tokens
    ? h('span', { class: 'reuse-badge' }, `${t(lang, 'verbatim')} · ${t(lang, 'syllables', { n: tokens })}`)
    : null;
}

function passageBox(ref: PassageRef, parts: DiffPart[], reused: number | undefined, lang: Lang): HTMLElement {
  return h(
    'div',
    { class: reused ? 'col passage reused' : 'col passage', 'data-unit': ref.unitId, tabindex: 0 },
    reuseBadge(reused, lang),
    diffText(parts),
  );
}

function unitBox(ctx: Ctx, unitId: string, reused: number | undefined, lang: Lang): HTMLElement {
  const u = ctx.corpus.unitById.get(unitId)?.unit;
  return h(
    'div',
    { class: reused ? 'passage reused' : 'passage', 'data-unit': unitId, tabindex: 0 },
    reuseBadge(reused, lang),
    u?.text ?? unitId,
  );
}

function reuseSection(comp: PlanComparison, lang: Lang): HTMLElement {
  const items = [...comp.reuse].sort((x, y) => y.tokens - x.tokens);
  return h(
    'section',
    { class: 'reuse-list', id: 'reuse-list' },
    h('h3', {}, `${t(lang, 'reuse')} (${items.length})`),
    items.length === 0
      ? h('p', { class: 'muted' }, t(lang, 'none'))
      : h(
          'ol',
          {},
          items.map((r) =>
            h(
              'li',
              {},
              h('span', { class: 'reuse-badge' }, t(lang, 'syllables', { n: r.tokens })),
              ' ',
              h('q', {}, r.text),
            ),
          ),
        ),
  );
}

function onlySection(comp: PlanComparison, nameA: string, nameB: string, lang: Lang): HTMLElement {
  const list = (refs: PassageRef[]) =>
    refs.length === 0
      ? h('p', { class: 'muted' }, t(lang, 'none'))
      : h(
          'ul',
          {},
          refs.map((r) => h('li', { 'data-unit': r.unitId, tabindex: 0 }, r.text)),
        );
  return h(
    'section',
    { class: 'cmp-only', id: 'only-lists' },
    h(
      'div',
      { class: 'col side-a' },
      h('h3', {}, t(lang, 'onlyIn', { plan: `A (${nameA})` })),
      list(comp.onlyInA),
    ),
    h(
      'div',
      { class: 'col side-b' },
      h('h3', {}, t(lang, 'onlyIn', { plan: `B (${nameB})` })),
      list(comp.onlyInB),
    ),
  );
}

function additionsSection(
  ctx: Ctx,
  a: string,
  b: string,
  nameA: string,
  nameB: string,
  lang: Lang,
): HTMLElement {
  const f = ctx.corpus.findings!;
  const corpus = ctx.corpus;
  const nameOf = (id: string) => {
    const p = corpus.planById.get(id);
    return p ? planName(p, lang) : id;
  };
  const side = (planId: string, label: string, cls: string) => {
    // Stored most specific first (the diff stage's rank): the CLI, CSV and report use the same order.
    const adds = planAdditions(f.additions, planId);
    const oms = f.omissions.filter((x) => x.planId === planId);
    const byGroup = new Map<string, typeof oms>();
    for (const o of oms) byGroup.set(o.group, [...(byGroup.get(o.group) ?? []), o]);
    return h(
      'div',
      { class: `col ${cls}` },
      h('h3', {}, `${label}`),
      h('h4', {}, `${t(lang, 'additions')} (${adds.length})`),
      h('p', { class: 'muted explain' }, t(lang, 'explain.specificity'), ' ', t(lang, 'explain.novelty')),
      adds.length === 0
        ? h('p', { class: 'muted' }, t(lang, 'none'))
        : h(
            'ol',
            { class: 'additions' },
            adds.map((c) =>
              h(
                'li',
                { 'data-cluster': c.id },
                h('b', { class: 'cluster-label' }, c.label),
                h(
                  'span',
                  { class: 'count' },
                  ` ${c.group ?? ''} · ${t(lang, 'specificity')} ${c.specificity?.toFixed(2) ?? '–'} · ${t(lang, 'novelty')} ${c.novelty.toFixed(2)}`,
                ),
                h(
                  'ul',
                  {},
                  c.passages.slice(0, 3).map((p) => h('li', { 'data-unit': p.unitId, tabindex: 0 }, p.text)),
                ),
              ),
            ),
          ),
      h('h4', {}, `${t(lang, 'omissions')} (${oms.length})`),
      oms.length === 0
        ? h('p', { class: 'muted' }, t(lang, 'none'))
        : h(
            'div',
            { class: 'omissions' },
            [...byGroup.entries()].map(([group, items]) =>
              h(
                'section',
                { class: 'omission-group', 'data-group': group },
                h('h5', {}, group),
                h(
                  'ul',
                  {},
                  items.map((o) =>
                    h(
                      'li',
                      { class: 'omission' },
                      h(
                        'details',
                        {},
                        h(
                          'summary',
                          {},
                          h('b', {}, o.label),
                          h(
                            'span',
                            { class: 'count' },
                            ` · ${t(lang, 'carriedBy', { n: o.carriedByCount ?? o.carriedBy.length })}${o.inDirective ? ` · ${t(lang, 'inDirective')}` : ''}`,
                          ),
                        ),
                        h(
                          'p',
                          { class: 'carriers' },
                          `${t(lang, 'carriedByPlans')}: `,
                          o.carriedBy.flatMap((id, i) => [
                            i > 0 ? ', ' : '',
                            h(
                              'a',
                              { href: ctx.href({ view: 'reader', plan: id, unit: undefined }) },
                              nameOf(id),
                            ),
                          ]),
                        ),
                        h(
                          'ul',
                          { class: 'examples' },
                          o.examples
                            .slice(0, 3)
                            .map((x) =>
                              h(
                                'li',
                                { 'data-unit': x.unitId, tabindex: 0 },
                                h(
                                  'a',
                                  { href: ctx.href({ view: 'reader', plan: x.planId, unit: x.unitId }) },
                                  nameOf(x.planId),
                                ),
                                `: ${x.text.length > 220 ? `${x.text.slice(0, 220)}…` : x.text}`,
                              ),
                            ),
                        ),
                      ),
                    ),
                  ),
                ),
              ),
            ),
          ),
    );
  };
  return h(
    'section',
    { class: 'cmp-only', id: 'additions-omissions' },
    side(a, `A: ${nameA}`, 'side-a'),
    side(b, `B: ${nameB}`, 'side-b'),
  );
}
