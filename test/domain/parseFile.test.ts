import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hash53, hash53Parts } from '@/domain/hash';
import { recordKey } from '@/domain/keys';
import { knownRecordsOf, ParseCancelled, parseFile, type KnownRecord, type ParseOptions } from '@/domain/parseFile';
import { MAX_ISSUES, type FundLine, type ParsedFile } from '@/domain/types';
import { brief, FUND_HEADER, hex, INDICATOR_HEADER, parseText, recordsCsv, rowsOf, utf8 } from '../fixtures/pipeline';

const MAOCUHUI = '中国国际贸易促进委员会北京市分会';

/** What a parse produced, with the chunking taken out: equal for any piece and chunk size. */
function outcome(p: ParsedFile) {
  const { chunks, ...rest } = p;
  return { ...rest, rows: rowsOf(p), chunkCount: chunks.length > 0 };
}

const SIMPLE = '单位名称,年度,评价类型,项目名称,全年预算数（万元）,全年执行数（万元）,备注';

describe('parseFile: delimiters, quotes and line endings', () => {
  const rows = [
    ['北京市贸促会', '2022', '部门整体', '', '5333.85', '5169.65', '说明'],
    ['朝阳区投促中心', '2024', '项目', '招商引资经费', '90', '90', ''],
  ];

  it.each([
    [',', ','],
    ['\t', '\t'],
    [';', ';'],
  ] as const)('detects the delimiter %j', async (d, expected) => {
    const text = [SIMPLE.split(','), ...rows].map((r) => r.join(d)).join('\n') + '\n';
    const p = await parseText(text);
    expect(p.errors).toEqual([]);
    expect(p.delimiter).toBe(expected);
    expect(p.kind).toBe('records');
    expect(p.rows).toBe(2);
    expect(rowsOf<'records'>(p).map((r) => [r.agency, r.project, r.budget, r.expenditure, r.note])).toEqual([
      [MAOCUHUI, '', 5333.85, 5169.65, '说明'],
      ['北京市朝阳区投资促进服务中心', '招商引资经费', 90, 90, ''],
    ]);
  });

  it('reads quoted cells holding delimiters, doubled quotes and line breaks (CRLF inside reads as LF)', async () => {
    const text =
      `${SIMPLE}\r\n` +
      `测试单位,2023,部门整体,,"1,200.50",800,"第一行\r\n第二行，含""引号""和,逗号"\r\n` +
      `测试单位,1800,项目,活动,,,\r\n`;
    const p = await parseText(text);
    const [r] = rowsOf<'records'>(p);
    expect(r).toMatchObject({ budget: 1200.5, expenditure: 800, note: '第一行\n第二行，含"引号"和,逗号' });
    // The multi-line cell is one spreadsheet row: the next record is row 3, not 4.
    expect(brief(p.errors)).toEqual([[3, '年度', 'integer_range']]);
  });

  it('reads a semicolon file whose cells hold commas, and a tab file whose cells hold semicolons', async () => {
    const semi = await parseText('单位名称;年度;评价类型;备注;评价方式\n测试单位;2023;部门整体;"a;b,c";自评,复核\n');
    expect(semi.delimiter).toBe(';');
    expect(semi.errors).toEqual([]);
    expect(rowsOf<'records'>(semi)[0]).toMatchObject({ note: 'a;b,c', evaluator: '自评,复核' });
    const tab = await parseText('单位名称\t年度\t评价类型\t备注\n测试单位\t2023\t部门整体\ta;b,c\n');
    expect(tab.delimiter).toBe('\t');
    expect(rowsOf<'records'>(tab)[0]!.note).toBe('a;b,c');
  });

  it('reads LF, CRLF, CR and mixed line endings the same, with the same row numbers', async () => {
    const lines = [
      SIMPLE,
      '测试单位,2023,部门整体,,10,5,a',
      '',
      '测试单位,3000,部门整体,,10,5,b',
      '测试单位,2024,部门整体,,10,5,c',
    ];
    const lf = await parseText(lines.join('\n') + '\n');
    expect(brief(lf.errors)).toEqual([[4, '年度', 'integer_range']]);
    expect(lf.rows).toBe(3);
    const variants = [
      lines.join('\r\n') + '\r\n',
      lines.join('\r') + '\r',
      // LF then CR around the blank line: two line breaks, not one CRLF.
      `${lines[0]}\r\n${lines[1]}\n${lines[2]}\r${lines[3]}\r\n${lines[4]}\r`,
    ];
    for (const text of variants) {
      const p = await parseText(text);
      expect(outcome(p)).toEqual({ ...outcome(lf), sha256: p.sha256, byteLength: p.byteLength });
    }
  });

  it('reads a file without a final line break', async () => {
    const p = await parseText(`${SIMPLE}\n测试单位,2023,部门整体,,10,5,最后一行`);
    expect(p.errors).toEqual([]);
    expect(rowsOf<'records'>(p).map((r) => r.note)).toEqual(['最后一行']);
  });

  it('skips blank lines before the header, numbering rows as a spreadsheet shows them', async () => {
    const p = await parseText(
      `\n\r\n  \n${SIMPLE},联系人\n测试单位,2023,部门整体,,10,5,ok,张三\n测试单位,x,部门整体,,10,5,bad,李四\n`,
    );
    expect(p.kind).toBe('records');
    expect(p.rows).toBe(2);
    // The header is the fourth line; its unknown column and the data rows say so.
    expect(brief(p.warnings)).toEqual([[4, '联系人', 'unknown_column']]);
    expect(brief(p.errors)).toEqual([[6, '年度', 'integer_invalid']]);
  });

  it('detects a semicolon header after leading blank lines even when pieces are tiny', async () => {
    const text = `\n\n单位名称;年度;评价类型;备注\n测试单位;2023;部门整体;a,b\n`;
    for (const pieceBytes of [1, 2, 7, 13, 64]) {
      const p = await parseText(text, { pieceBytes });
      expect(p.delimiter).toBe(';');
      expect(p.errors).toEqual([]);
      expect(rowsOf<'records'>(p)[0]!.note).toBe('a,b');
    }
  });

  it('skips blank rows and rows whose every cell is empty, but counts them for numbering', async () => {
    const p = await parseText(
      `${SIMPLE}\n测试单位,2023,部门整体,,,,a\n\n,,,,,,\n"","",,,,,\n  ,\t, ,,,,\n测试单位,2024,部门整体,,-3,,b\n`,
    );
    expect(p.rows).toBe(2);
    expect(brief(p.errors)).toEqual([[7, '全年预算数（万元）', 'amount_negative']]);
    expect(rowsOf<'records'>(p).map((r) => r.note)).toEqual(['a']);
  });

  it('reports an unclosed quote with its row and column and leaves that row out', async () => {
    const p = await parseText(
      `${SIMPLE}\n测试单位,2022,部门整体,,1,1,ok\n测试单位,2023,部门整体,,1,1,"never closed\n测试单位,2024,部门整体,,1,1,x\n`,
    );
    expect(brief(p.errors)).toEqual([[3, '备注', 'unclosed_quote']]);
    expect(p.errors[0]!.params).toEqual({ cell: 7 });
    expect(rowsOf<'records'>(p).map((r) => r.year)).toEqual([2022]);
  });

  it('rejects a row with more cells than the header (an unquoted delimiter inside a cell)', async () => {
    const p = await parseText(
      `${SIMPLE}\n测试单位,2022,部门整体,,1,1,原文5,169.66\n测试单位,2023,部门整体,,1,1,"原文5,169.66"\n`,
    );
    expect(brief(p.errors)).toEqual([[2, null, 'too_many_fields']]);
    expect(p.errors[0]!.params).toEqual({ cells: 8, columns: 7 });
    expect(rowsOf<'records'>(p).map((r) => r.note)).toEqual(['原文5,169.66']);
  });

  it('accepts trailing empty cells beyond the header, as spreadsheets write them', async () => {
    const p = await parseText(`${SIMPLE}\n测试单位,2022,部门整体,,1,1,x,,\n`);
    expect(p.errors).toEqual([]);
    expect(p.rows).toBe(1);
  });

  it('takes a quote inside an unquoted cell literally (5"), without disturbing later quoted cells', async () => {
    const text = `${SIMPLE}\n测试单位,2022,部门整体,,1,1,屏幕 27"\n测试单位,2023,部门整体,,1,1,"两\n行"\n测试单位,2024,部门整体,,1,1,末行\n`;
    for (const pieceBytes of [undefined, 7, 13]) {
      const p = await parseText(text, { pieceBytes });
      expect(p.errors).toEqual([]);
      expect(rowsOf<'records'>(p).map((r) => r.note)).toEqual(['屏幕 27"', '两\n行', '末行']);
    }
  });
});

describe('parseFile: encodings and files that are not data', () => {
  // 单位名称,年度,评价类型,项目名称,全年预算数（万元）,全年执行数（万元）,备注 CRLF
  // 北京市贸促会,2022,部门整体,,5333.85,5169.65,预算执行率较高 CRLF
  // 朝阳区投促中心,2024,项目,招商引资经费,90,95,"含,逗号" CRLF — as Excel on a Chinese system saves "CSV".
  const GBK = hex(
    'b5a5cebbc3fbb3c62cc4eab6c82cc6c0bcdbc0e0d0cd2ccfeec4bfc3fbb3c62cc8abc4ead4a4cbe3cafda3a8cdf2d4aaa3a92cc8abc4ead6b4d0d0cafda3a8cdf2d4aaa3a92cb1b8d7a20d0a' +
      'b1b1bea9cad0c3b3b4d9bbe12c323032322cb2bfc3c5d5fbcce52c2c353333332e38352c353136392e36352cd4a4cbe3d6b4d0d0c2cabdcfb8df0d0a' +
      'b3afd1f4c7f8cdb6b4d9d6d0d0c42c323032342ccfeec4bf2cd5d0c9ccd2fdd7cabeadb7d12c39302c39352c22baac2cb6babac5220d0a',
  );

  it('the GBK fixture is what it claims to be', () => {
    expect(new TextDecoder('gb18030').decode(GBK)).toBe(
      `${SIMPLE}\r\n北京市贸促会,2022,部门整体,,5333.85,5169.65,预算执行率较高\r\n朝阳区投促中心,2024,项目,招商引资经费,90,95,"含,逗号"\r\n`,
    );
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(GBK)).toThrow();
  });

  it('reads a GBK file end to end', async () => {
    const p = await parseFile(GBK, 'gbk.csv');
    expect(p).toMatchObject({ kind: 'records', encoding: 'gb18030', delimiter: ',', rows: 2, errorCount: 0 });
    expect(p.headers.map((h) => h.written)).toEqual(SIMPLE.split(','));
    expect(
      rowsOf<'records'>(p).map((r) => [
        r.agency,
        r.region,
        r.project,
        r.budget,
        r.expenditure,
        r.execution_rate,
        r.note,
      ]),
    ).toEqual([
      [MAOCUHUI, '北京市', '', 5333.85, 5169.65, 96.92, '预算执行率较高'],
      ['北京市朝阳区投资促进服务中心', '北京市朝阳区', '招商引资经费', 90, 95, 105.56, '含,逗号'],
    ]);
    expect(brief(p.warnings)).toEqual([[3, '全年执行数（万元）', 'over_budget']]);
  });

  it('reads a GBK file the same when its two-byte characters are split across pieces', async () => {
    const whole = outcome(await parseFile(GBK, 'gbk.csv'));
    for (const pieceBytes of [1, 2, 3, 5, 7, 13, 64]) {
      expect(outcome(await parseFile(GBK, 'gbk.csv', { pieceBytes, chunkRows: 1 }))).toEqual(whole);
    }
  });

  it('reads UTF-8 with a BOM, and the BOM is not part of the first header', async () => {
    const p = await parseText(`\uFEFF${SIMPLE}\n测试单位,2023,部门整体,,1,1,\n`);
    expect(p.encoding).toBe('utf-8-bom');
    expect(p.headers[0]).toMatchObject({ written: '单位名称', field: 'agency' });
    expect(p.errors).toEqual([]);
    expect((await parseText(`${SIMPLE}\n测试单位,2023,部门整体,,1,1,\n`)).encoding).toBe('utf-8');
  });

  it.each([
    ['an empty file', new Uint8Array(0)],
    ['a file of white space', utf8(' \r\n\n\t\n')],
    ['a file holding only a BOM', utf8('\uFEFF')],
  ])('rejects %s as having nothing to import', async (_name, bytes) => {
    const p = await parseFile(bytes, 'empty.csv');
    expect(p.kind).toBeNull();
    expect(brief(p.errors)).toEqual([[null, null, 'empty_file']]);
    expect(p.chunks).toEqual([]);
  });

  it('rejects a file with only a header (or a header and blank rows): 没有可导入的数据行', async () => {
    for (const text of [`${SIMPLE}\n`, `${SIMPLE}`, `${SIMPLE}\r\n\r\n,,,,,,\r\n`]) {
      const p = await parseText(text);
      expect(p.kind).toBe('records');
      expect(p.rows).toBe(0);
      expect(brief(p.errors)).toEqual([[null, null, 'no_rows']]);
    }
  });

  it('rejects a binary file', async () => {
    const png = hex('89504e470d0a1a0a0000000d49484452000000100000001008060000001ff3ff61');
    const p = await parseFile(png, 'picture.csv');
    expect(p.kind).toBeNull();
    expect(brief(p.errors)).toEqual([[null, null, 'not_text']]);
  });

  it('rejects an Excel workbook renamed .csv, saying what it is', async () => {
    const p = await parseFile(hex('504b0304140006000800000021000000'), 'book.csv');
    expect(brief(p.errors)).toEqual([[null, null, 'xlsx_file']]);
  });

  it('rejects unknown headers, listing what each kind needs and what the file has', async () => {
    const p = await parseText('姓名,电话,地址\n张三,123,北京\n');
    expect(p.kind).toBeNull();
    expect(brief(p.errors)).toEqual([[1, null, 'unknown_headers']]);
    expect(p.errors[0]!.params).toEqual({
      records: 'agency,year,scope',
      indicators: 'level1',
      funds: 'category,item',
      findings: 'kind,seq,text',
      found: '姓名\n电话\n地址',
    });
    expect(p.rows).toBe(0);
    expect(p.chunks).toEqual([]);
  });

  it('names a required column a recognisable file lacks', async () => {
    const p = await parseText('单位名称,年度,一级指标,得分\n测试单位,2023,决策,10\n');
    expect(brief(p.errors)).toEqual([[1, null, 'missing_columns']]);
    expect(p.errors[0]!.params).toEqual({ kind: 'indicators', fields: 'scope', count: 1 });
  });

  it('fingerprints the bytes with SHA-256', async () => {
    const bytes = utf8(`${SIMPLE}\n测试单位,2023,部门整体,,1,1,\n`);
    const p = await parseFile(bytes, 'a.csv');
    expect(p.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(p.byteLength).toBe(bytes.length);
    expect(p.fileName).toBe('a.csv');
  });
});

describe('parseFile: errors of the contract', () => {
  async function errorsOf(row: Record<string, string>): Promise<Array<[number | null, string | null, string]>> {
    const p = await parseText(recordsCsv([row]));
    expect(p.chunks.reduce((n, c) => n + c.length, 0)).toBe(p.errorCount > 0 ? 0 : 1);
    return brief(p.errors);
  }
  const ok = { 单位名称: '测试单位', 年度: '2023', 评价类型: '部门整体' };

  it('accepts the minimal valid row', async () => {
    expect(await errorsOf(ok)).toEqual([]);
  });

  it.each([
    ['agency', { ...ok, 单位名称: '' }, '单位名称', 'required'],
    ['agency given as an empty marker', { ...ok, 单位名称: '—' }, '单位名称', 'required'],
    ['year', { ...ok, 年度: '' }, '年度', 'required'],
    ['scope', { ...ok, 评价类型: ' ' }, '评价类型', 'required'],
    ['project of a project row', { ...ok, 评价类型: '项目' }, '项目名称', 'project_required'],
    ['project name on a department row', { ...ok, 项目名称: '多余项目名' }, '项目名称', 'project_on_department'],
    ['year before 1990', { ...ok, 年度: '1989' }, '年度', 'integer_range'],
    ['year after 2100', { ...ok, 年度: '2101' }, '年度', 'integer_range'],
    ['year that is not a number', { ...ok, 年度: '二〇二三' }, '年度', 'integer_invalid'],
    ['bad amount', { ...ok, '全年预算数（万元）': '十万' }, '全年预算数（万元）', 'amount_invalid'],
    ['negative amount', { ...ok, '全年执行数（万元）': '-5' }, '全年执行数（万元）', 'amount_negative'],
    ['bad percent', { ...ok, 预算执行率: '九成' }, '预算执行率', 'percent_invalid'],
    ['bad score', { ...ok, 评价得分: 'A+' }, '评价得分', 'number_invalid'],
    ['negative score', { ...ok, 评价得分: '-1' }, '评价得分', 'number_negative'],
    ['score above 100', { ...ok, 评价得分: '100.01' }, '评价得分', 'score_range'],
    ['bad scope', { ...ok, 评价类型: '单位' }, '评价类型', 'scope_invalid'],
    ['bad grade', { ...ok, 评价等级: 'A' }, '评价等级', 'grade_invalid'],
  ])('rejects a missing or bad value: %s', async (_name, row, column, code) => {
    expect(await errorsOf(row)).toEqual([[2, column, code]]);
  });

  it('gives each error the parameters an analyst needs to fix it', async () => {
    const p = await parseText(
      recordsCsv([
        { ...ok, 年度: '1989' },
        { ...ok, '全年执行数（万元）': '-5' },
        { ...ok, 单位名称: '' },
        { ...ok, 评价得分: '120' },
      ]),
    );
    expect(p.errors.map((e) => [e.code, e.params])).toEqual([
      ['integer_range', { value: '1989', min: 1990, max: 2100 }],
      ['amount_negative', { value: '-5' }],
      ['required', { kind: 'records', field: 'agency' }],
      ['score_range', { score: 120, max: 100 }],
    ]);
  });

  it('rejects a bad category, a missing item and an indicator score above its weight', async () => {
    const known = new Map<string, KnownRecord>([
      [recordKey({ agency: '测试单位', year: 2023, scope: 'department', project: '' }), { score: null }],
    ]);
    const funds = await parseText(
      `${FUND_HEADER}\n测试单位,2023,部门整体,,其他,财政资金,1,,1\n测试单位,2023,部门整体,,资金来源,,1,,1\n`,
      { knownRecords: known },
    );
    expect(brief(funds.errors)).toEqual([
      [2, '类别', 'category_invalid'],
      [3, '明细', 'required'],
    ]);
    const indicators = await parseText(
      `${INDICATOR_HEADER}\n测试单位,2023,部门整体,,决策,,,20,21,,\n测试单位,2023,部门整体,,,,,20,20,,\n`,
      { knownRecords: known },
    );
    expect(brief(indicators.errors)).toEqual([
      [2, '得分', 'score_above_weight'],
      [3, '一级指标', 'required'],
    ]);
    expect(indicators.chunks).toEqual([]);
  });

  it('reports a duplicate key naming the earlier row, in every kind', async () => {
    const records = await parseText(
      recordsCsv([
        ok,
        { ...ok, 年度: '2024' },
        { ...ok, 单位名称: ' 测试单位 ' },
        { ...ok, 评价类型: '项目', 项目名称: 'A' },
        { ...ok, 评价类型: 'project', 项目名称: 'A' },
      ]),
    );
    expect(brief(records.errors)).toEqual([
      [4, '单位名称', 'duplicate_key'],
      [6, '单位名称', 'duplicate_key'],
    ]);
    expect(records.errors.map((e) => e.params)).toEqual([
      { kind: 'records', firstRow: 2 },
      { kind: 'records', firstRow: 5 },
    ]);

    // Aliases of one agency are one agency.
    const aliases = await parseText(
      recordsCsv([
        { ...ok, 单位名称: '北京市贸促会' },
        { ...ok, 单位名称: MAOCUHUI },
      ]),
    );
    expect(brief(aliases.errors)).toEqual([[3, '单位名称', 'duplicate_key']]);

    const known = new Map<string, KnownRecord>([
      [recordKey({ agency: '测试单位', year: 2023, scope: 'department', project: '' }), { score: null }],
    ]);
    const indicators = await parseText(
      `${INDICATOR_HEADER}\n测试单位,2023,部门整体,,决策,立项,,,,,\n测试单位,2023,部门整体,,决策,,,,,,\n测试单位,2023,部门整体,,决策,立项,,,,,\n`,
      { knownRecords: known },
    );
    expect(brief(indicators.errors)).toEqual([[4, '一级指标', 'duplicate_key']]);
    expect(indicators.errors[0]!.params).toEqual({ kind: 'indicators', firstRow: 2 });
    const funds = await parseText(
      `${FUND_HEADER}\n测试单位,2023,部门整体,,资金来源,财政资金,1,,1\n测试单位,2023,部门整体,,支出明细,财政资金,1,,1\n测试单位,2023,部门整体,,source,财政资金,2,,2\n`,
      { knownRecords: known },
    );
    expect(brief(funds.errors)).toEqual([[4, '明细', 'duplicate_key']]);
    expect(funds.errors[0]!.params).toEqual({ kind: 'funds', firstRow: 2 });
  });

  it('keeps rows with errors out of the chunks and counts data rows', async () => {
    const p = await parseText(
      recordsCsv([
        ok,
        { ...ok, 年度: 'x' },
        { ...ok, 年度: '2024' },
        { ...ok, 评价类型: '项目' },
        { ...ok, 年度: '2025' },
      ]),
    );
    expect(p.rows).toBe(5);
    expect(p.errorCount).toBe(2);
    expect(rowsOf<'records'>(p).map((r) => r.year)).toEqual([2023, 2024, 2025]);
  });

  it('reports every bad cell of a row, not only the first', async () => {
    expect(await errorsOf({ 单位名称: '', 年度: '1900', 评价类型: '?', '全年预算数（万元）': '-1' })).toEqual([
      [2, '单位名称', 'required'],
      [2, '年度', 'integer_range'],
      [2, '评价类型', 'scope_invalid'],
      [2, '全年预算数（万元）', 'amount_negative'],
    ]);
  });

  it('reports a row’s bad cells and its broken rules together: missing project, negative budget, score 120', async () => {
    const row = { ...ok, 评价类型: '项目', '全年预算数（万元）': '-100', 评价得分: '120' };
    expect(await errorsOf(row)).toEqual([
      [2, '全年预算数（万元）', 'amount_negative'],
      [2, '项目名称', 'project_required'],
      [2, '评价得分', 'score_range'],
    ]);
    // The same through the fast path (a file whose rows are read in place, from cell spans).
    const p = await parseText(recordsCsv([ok, row, ok].map((r, i) => ({ ...r, 年度: String(2020 + i) }))));
    expect(brief(p.errors).map(([, column, code]) => [column, code])).toEqual([
      ['全年预算数（万元）', 'amount_negative'],
      ['项目名称', 'project_required'],
      ['评价得分', 'score_range'],
    ]);
  });
});

describe('parseFile: references of indicator and fund rows', () => {
  const RECORDS = recordsCsv([
    { 单位名称: '北京市贸促会', 年度: '2022', 评价类型: '部门整体', 评价得分: '95.18' },
    { 单位名称: '测试单位', 年度: '2023', 评价类型: '项目', 项目名称: '活动' },
  ]);
  const INDICATORS =
    `${INDICATOR_HEADER}\n` +
    `中国贸促会北京市分会,2022,部门整体,,决策,,,20,19,,\n` +
    `测试单位,2023,项目,活动,产出,,,50,40,,\n` +
    `测试单位,2023,项目,别的活动,产出,,,50,40,,\n`;

  it('rejects every row whose record does not exist, naming the record, when nothing is known', async () => {
    const p = await parseText(INDICATORS);
    expect(brief(p.errors)).toEqual([
      [2, '单位名称', 'missing_record'],
      [3, '单位名称', 'missing_record'],
      [4, '单位名称', 'missing_record'],
    ]);
    expect(p.errors[0]!.params).toEqual({ agency: MAOCUHUI, year: 2022, scope: 'department', project: '' });
    expect(p.errors[2]!.params).toEqual({ agency: '测试单位', year: 2023, scope: 'project', project: '别的活动' });
    expect(p.chunks).toEqual([]);
  });

  it('accepts rows whose record is known, and rejects the rest', async () => {
    const known = new Map<string, KnownRecord>([
      [recordKey({ agency: MAOCUHUI, year: 2022, scope: 'department', project: '' }), { score: 19 }],
    ]);
    const p = await parseText(INDICATORS, { knownRecords: known });
    expect(brief(p.errors)).toEqual([
      [3, '单位名称', 'missing_record'],
      [4, '单位名称', 'missing_record'],
    ]);
    expect(rowsOf<'indicators'>(p).map((r) => r.agency)).toEqual([MAOCUHUI]);

    const funds = await parseText(
      `${FUND_HEADER}\n北京市贸促会,2022,部门整体,,资金来源,财政拨款,1,,1\n北京市贸促会,2021,部门整体,,资金来源,财政拨款,1,,1\n`,
      { knownRecords: known },
    );
    expect(brief(funds.errors)).toEqual([[3, '单位名称', 'missing_record']]);
    expect(funds.errors[0]!.params).toMatchObject({ agency: MAOCUHUI, year: 2021 });
    expect(rowsOf<'funds'>(funds).map((r) => r.year)).toEqual([2022]);
  });

  it('chains the files of one upload: records parsed first are known to the indicator and fund files', async () => {
    const records = await parseText(RECORDS);
    expect(records.errors).toEqual([]);
    const known = knownRecordsOf(records);
    expect([...known.keys()].sort()).toEqual(
      [
        recordKey({ agency: MAOCUHUI, year: 2022, scope: 'department', project: '' }),
        recordKey({ agency: '测试单位', year: 2023, scope: 'project', project: '活动' }),
      ].sort(),
    );
    expect(known.get(recordKey({ agency: MAOCUHUI, year: 2022, scope: 'department', project: '' }))).toEqual({
      score: 95.18,
    });

    const indicators = await parseText(INDICATORS, { knownRecords: known });
    expect(brief(indicators.errors)).toEqual([[4, '单位名称', 'missing_record']]);
    const funds = await parseText(`${FUND_HEADER}\n测试单位,2023,项目支出,活动,资金来源,财政拨款,10,,9\n`, {
      knownRecords: known,
    });
    expect(funds.errors).toEqual([]);
    expect(rowsOf<'funds'>(funds)[0]).toMatchObject<Partial<FundLine>>({
      agency: '测试单位',
      scope: 'project',
      project: '活动',
      category: 'source',
      budget: 10,
      expenditure: 9,
    });
    // Only a records file makes records known.
    expect(knownRecordsOf(indicators).size).toBe(0);
  });
});

describe('parseFile: warnings of the contract', () => {
  const base = { 单位名称: '测试单位', 年度: '2023', 评价类型: '部门整体' };

  async function warningsOf(row: Record<string, string>) {
    const p = await parseText(recordsCsv([row]));
    expect(p.errors).toEqual([]);
    // A warning does not stop the row from being imported.
    expect(rowsOf(p)).toHaveLength(1);
    const key = recordKey(rowsOf<'records'>(p)[0]!);
    for (const w of p.warnings) expect(w.recordKey).toBe(key);
    return brief(p.warnings);
  }

  it.each([
    [
      'execution rate off by more than 0.1 point',
      { '全年预算数（万元）': '100', '全年执行数（万元）': '96.9', 预算执行率: '96.79%' },
      '预算执行率',
      'rate_mismatch',
    ],
    [
      'expenditure above budget',
      { '全年预算数（万元）': '90', '全年执行数（万元）': '95' },
      '全年执行数（万元）',
      'over_budget',
    ],
    [
      'basic + project budget ≠ budget',
      { '全年预算数（万元）': '100', '基本支出预算数（万元）': '60', '项目支出预算数（万元）': '30' },
      '全年预算数（万元）',
      'budget_parts',
    ],
    [
      'basic + project expenditure ≠ expenditure',
      {
        '全年预算数（万元）': '100',
        '全年执行数（万元）': '80',
        '基本支出执行数（万元）': '50',
        '项目支出执行数（万元）': '20',
      },
      '全年执行数（万元）',
      'expenditure_parts',
    ],
    ['grade ≠ the score’s grade', { 评价得分: '89.99', 评价等级: '优' }, '评价等级', 'grade_mismatch'],
  ])('warns: %s', async (_name, cells, column, code) => {
    expect(await warningsOf({ ...base, ...cells })).toEqual([[2, column, code]]);
  });

  it('does not warn when the execution rate is within 0.1 point', async () => {
    for (const rate of ['96.8', '96.80%', '97', '96.9']) {
      expect(
        await warningsOf({ ...base, '全年预算数（万元）': '100', '全年执行数（万元）': '96.9', 预算执行率: rate }),
      ).toEqual([]);
    }
  });

  it('warns when a project’s carryover is not budget − expenditure, and not for a department', async () => {
    const cells = { '全年预算数（万元）': '100', '全年执行数（万元）': '90', '结转结余资金（万元）': '12' };
    expect(await warningsOf({ ...base, 评价类型: '项目', 项目名称: '活动', ...cells })).toEqual([
      [2, '结转结余资金（万元）', 'carryover_mismatch'],
    ]);
    expect(await warningsOf({ ...base, ...cells })).toEqual([]);
    expect(
      await warningsOf({ ...base, 评价类型: '项目', 项目名称: '活动', ...cells, '结转结余资金（万元）': '10' }),
    ).toEqual([]);
  });

  it('warns about an unknown extra column on the header row, and imports the file without it', async () => {
    const p = await parseText(`${SIMPLE},联系人,,\n测试单位,2023,部门整体,,1,1,,张三,,\n`);
    expect(brief(p.warnings)).toEqual([[1, '联系人', 'unknown_column']]);
    expect(p.warnings[0]!.params).toEqual({ column: '联系人' });
    expect(p.errors).toEqual([]);
    expect(rowsOf(p)).toHaveLength(1);
  });

  describe('indicator sums', () => {
    const rk = recordKey({ agency: '测试单位', year: 2023, scope: 'department', project: '' });

    async function indicatorWarnings(lines: string[], score: number | null) {
      const p = await parseText(`${INDICATOR_HEADER}\n${lines.join('\n')}\n`, {
        knownRecords: new Map([[rk, { score }]]),
      });
      expect(p.errors).toEqual([]);
      for (const w of p.warnings) expect(w.recordKey).toBe(rk);
      return brief(p.warnings);
    }
    const row = (l1: string, l2: string, l3: string, weight: string, score: string) =>
      `测试单位,2023,部门整体,,${l1},${l2},${l3},${weight},${score},,`;

    it('is quiet when every level adds up to the one above and to the record score', async () => {
      const lines = [
        row('决策', '', '', '20', '18'),
        row('决策', '项目立项', '', '10', '9'),
        row('决策', '项目立项', '立项依据', '5', '5'),
        row('决策', '项目立项', '立项程序', '5', '4'),
        row('决策', '绩效目标', '', '10', '9'),
        row('产出', '', '', '80', '70.5'),
      ];
      expect(await indicatorWarnings(lines, 88.5)).toEqual([]);
    });

    it('warns when the indicator scores do not add up to the record’s score', async () => {
      const lines = [row('决策', '', '', '20', '18'), row('产出', '', '', '80', '70')];
      expect(await indicatorWarnings(lines, 90)).toEqual([[2, '得分', 'total_sum']]);
    });

    it('warns when level-3 scores do not add up to their level 2', async () => {
      const lines = [
        row('决策', '项目立项', '', '10', '9'),
        row('决策', '项目立项', '立项依据', '5', '5'),
        row('决策', '项目立项', '立项程序', '5', '5'),
      ];
      expect(await indicatorWarnings(lines, null)).toEqual([[2, '得分', 'level2_sum']]);
    });

    it('warns when level-2 scores do not add up to their level 1', async () => {
      const lines = [
        row('产出', '数量指标', '', '40', '40'),
        row('产出', '质量指标', '', '40', '30'),
        row('产出', '', '', '80', '80'),
      ];
      expect(await indicatorWarnings(lines, null)).toEqual([[4, '得分', 'level1_sum']]);
    });
  });
});

describe('parseFile: derived values', () => {
  it('derives the execution rate from expenditure ÷ budget to two decimals when the file leaves it out', async () => {
    const p = await parseText(
      recordsCsv([
        {
          单位名称: '测试单位',
          年度: '2021',
          评价类型: '部门整体',
          '全年预算数（万元）': '3',
          '全年执行数（万元）': '2',
        },
        {
          单位名称: '测试单位',
          年度: '2022',
          评价类型: '部门整体',
          '全年预算数（万元）': '0',
          '全年执行数（万元）': '2',
        },
        { 单位名称: '测试单位', 年度: '2023', 评价类型: '部门整体', '全年预算数（万元）': '3' },
        {
          单位名称: '测试单位',
          年度: '2024',
          评价类型: '部门整体',
          '全年预算数（万元）': '3',
          '全年执行数（万元）': '2',
          预算执行率: '66.6%',
        },
      ]),
    );
    expect(rowsOf<'records'>(p).map((r) => r.execution_rate)).toEqual([66.67, null, null, 66.6]);
  });

  it('derives the grade from the score at the boundaries 90 / 80 / 60', async () => {
    const scores = ['90', '89.99', '80', '79.99', '60', '59.99', '', '100'];
    const p = await parseText(
      recordsCsv(
        scores.map((s, i) => ({ 单位名称: '测试单位', 年度: String(2000 + i), 评价类型: '部门整体', 评价得分: s })),
      ),
    );
    expect(p.errors).toEqual([]);
    expect(rowsOf<'records'>(p).map((r) => r.grade)).toEqual(['优', '良', '良', '中', '中', '差', null, '优']);
  });

  it('keeps a grade written in the file (and warns if it disagrees)', async () => {
    const p = await parseText(
      recordsCsv([{ 单位名称: '测试单位', 年度: '2023', 评价类型: '部门整体', 评价得分: '85', 评价等级: 'excellent' }]),
    );
    expect(rowsOf<'records'>(p)[0]!.grade).toBe('优');
    expect(brief(p.warnings)).toEqual([[2, '评价等级', 'grade_mismatch']]);
  });

  it('fills the region from the agency registry when empty, and canonicalises agency aliases', async () => {
    const p = await parseText(
      recordsCsv([
        { 单位名称: '北京市贸促会', 年度: '2022', 评价类型: '部门整体' },
        { 单位名称: '渝中区招商局', 地区: '', 年度: '2022', 评价类型: '部门整体' },
        { 单位名称: '北京贸促会', 地区: '北京市西城区', 年度: '2023', 评价类型: '部门整体' },
        { 单位名称: '不在名录的单位', 年度: '2022', 评价类型: '部门整体' },
      ]),
    );
    expect(rowsOf<'records'>(p).map((r) => [r.agency, r.region])).toEqual([
      [MAOCUHUI, '北京市'],
      ['重庆市渝中区招商投资促进局', '重庆市渝中区'],
      [MAOCUHUI, '北京市西城区'],
      ['不在名录的单位', ''],
    ]);
  });

  it('canonicalises aliases in indicator and fund files too, so they find their record', async () => {
    const known = new Map<string, KnownRecord>([
      [recordKey({ agency: MAOCUHUI, year: 2022, scope: 'project', project: '顾问会议' }), { score: null }],
    ]);
    const p = await parseText(`${FUND_HEADER}\n北京市贸促会,2022,项目,顾问会议,资金来源,财政资金,75.50,,75.50\n`, {
      knownRecords: known,
    });
    expect(p.errors).toEqual([]);
    expect(rowsOf<'funds'>(p)[0]!.agency).toBe(MAOCUHUI);
  });
});

describe('parseFile: the MAX_ISSUES cap', () => {
  it('keeps the first MAX_ISSUES errors and counts them all', async () => {
    const extra = 37;
    const lines = ['单位名称,年度,评价类型'];
    for (let i = 0; i < MAX_ISSUES + extra; i++) lines.push(`单位${i},18${i % 10}0,部门整体`);
    const p = await parseText(lines.join('\n'));
    expect(p.rows).toBe(MAX_ISSUES + extra);
    expect(p.errorCount).toBe(MAX_ISSUES + extra);
    expect(p.errors).toHaveLength(MAX_ISSUES);
    expect(p.errors[0]).toMatchObject({ row: 2, column: '年度', code: 'integer_range' });
    expect(p.errors[MAX_ISSUES - 1]!.row).toBe(MAX_ISSUES + 1);
    expect(p.chunks).toEqual([]);
  });
});

describe('parseFile: streaming gives the same result for any piece and chunk size', () => {
  const TEXT =
    '\uFEFF单位名称,地区,年度,评价类型,项目名称,全年预算数（万元）,全年执行数（万元）,预算执行率,评价得分,评价等级,备注,联系人\r\n' +
    '北京市贸促会,,2022,部门整体,,"5,333.85",5169.65,96.92%,95.18,优,"多行备注：\r\n第二行，含""引号""",张三\r\n' +
    '\r\n' +
    '朝阳区投促中心,北京市朝阳区,2024,项目,招商引资及推介大型专项活动经费,90,90,100%,100,,资金全部为当年财政拨款,\r\n' +
    '测试单位,,1989,项目,,—,—,—,—,—,年度有误且缺项目,\r\n' +
    ',,,,,,,,,,,\r\n' +
    '渝中区招商局,,2023,项目,"项目,含逗号",100,120,100%,85,优,超支,\r\n' +
    '北京市贸促会,,2022,部门整体,,1,1,,,,重复的键,\r\n' +
    '测试单位,,2023,部门整体,,1,1,,,,"未闭合的引号\r\n' +
    '测试单位,,2025,部门整体,,1,1,,,,被吞入上一格';

  it('matches the one-piece parse for piece sizes 1–40, 64 and chunkRows 1–3', async () => {
    const whole = await parseText(TEXT);
    // The example exercises what it should: errors, warnings, a multi-line cell and Chinese text.
    // Seven data lines, one of them all-empty cells; the unclosed quote swallows the last line.
    expect(whole.rows).toBe(6);
    expect(brief(whole.errors)).toEqual([
      [5, '年度', 'integer_range'],
      [5, '项目名称', 'project_required'],
      [8, '单位名称', 'duplicate_key'],
      [9, '备注', 'unclosed_quote'],
    ]);
    expect(brief(whole.warnings).map(([row, , code]) => [row, code])).toEqual([
      [1, 'unknown_column'],
      [7, 'rate_mismatch'],
      [7, 'over_budget'],
      [7, 'grade_mismatch'],
    ]);
    expect(rowsOf<'records'>(whole)[0]!.note).toBe('多行备注：\n第二行，含"引号"');
    const sizes = [...Array.from({ length: 40 }, (_, i) => i + 1), 64];
    for (const pieceBytes of sizes) {
      for (const chunkRows of [1, 2, 3]) {
        const p = await parseText(TEXT, { pieceBytes, chunkRows });
        expect(outcome(p), `pieceBytes ${pieceBytes}, chunkRows ${chunkRows}`).toEqual(outcome(whole));
        expect(p.chunks.every((c) => c.length <= chunkRows)).toBe(true);
      }
    }
  });

  it('matches for random valid files cut into random pieces (property)', async () => {
    const note = fc.string({
      unit: fc.constantFrom('说', '明', 'a', ' ', ',', ';', '\t', '"', '\r\n', '\n', '\r', '：', '1'),
      maxLength: 10,
    });
    const dataRow = fc.record({
      agency: fc.constantFrom('北京市贸促会', '朝阳区投促中心', '测试单位', '重庆市渝中区招商投资促进局'),
      year: fc.oneof(fc.integer({ min: 1990, max: 2100 }).map(String), fc.constantFrom('1989', '20x3')),
      budget: fc.option(
        fc.integer({ min: 0, max: 1_000_000 }).map((n) => (n / 100).toFixed(2)),
        { nil: '' },
      ),
      expenditure: fc.option(
        fc.integer({ min: 0, max: 1_000_000 }).map((n) => (n / 100).toFixed(2)),
        { nil: '' },
      ),
      note,
      blankBefore: fc.nat({ max: 2 }),
      ending: fc.constantFrom('\n', '\r\n', '\r'),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(dataRow, { minLength: 1, maxLength: 12 }),
        fc.constantFrom(',', '\t', ';'),
        fc.nat({ max: 2 }),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 1, max: 5 }),
        async (rows, d, leadingBlanks, bom, finalBreak, pieceBytes, chunkRows) => {
          const quote = (c: string) => (/[",;\t\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
          let text =
            (bom ? '\uFEFF' : '') +
            '\r\n'.repeat(leadingBlanks) +
            ['单位名称', '年度', '评价类型', '项目名称', '全年预算数', '全年执行数', '备注'].join(d);
          let line = leadingBlanks + 1;
          const expectedErrors: Array<[number, string, string]> = [];
          const expectedRows: Array<[string, string]> = [];
          rows.forEach((r, i) => {
            text += r.ending.repeat(r.blankBefore + 1);
            line += r.blankBefore + 1;
            text += [r.agency, r.year, '项目', `项目${i}`, r.budget, r.expenditure, quote(r.note)].join(d);
            if (/^\d{4}$/.test(r.year) && Number(r.year) >= 1990)
              expectedRows.push([`项目${i}`, r.note.replace(/\r\n?/g, '\n').trim()]);
            else expectedErrors.push([line, '年度', r.year === '1989' ? 'integer_range' : 'integer_invalid']);
          });
          if (finalBreak) text += '\r\n';

          const whole = await parseText(text);
          expect(whole.kind).toBe('records');
          expect(whole.delimiter).toBe(d);
          expect(whole.rows).toBe(rows.length);
          expect(brief(whole.errors)).toEqual(expectedErrors);
          expect(rowsOf<'records'>(whole).map((r) => [r.project, r.note])).toEqual(expectedRows);

          const streamed = await parseText(text, { pieceBytes, chunkRows });
          expect(outcome(streamed)).toEqual(outcome(whole));
          expect(streamed.chunks.every((c) => c.length <= chunkRows)).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('parseFile: progress and cancellation', () => {
  const text = recordsCsv(
    Array.from({ length: 50 }, (_, i) => ({ 单位名称: '测试单位', 年度: String(1990 + i), 评价类型: '部门整体' })),
  );

  it('reports rising progress that ends at 1', async () => {
    const seen: number[] = [];
    await parseText(text, { pieceBytes: 100, onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((f, i) => f >= 0 && f <= 1 && (i === 0 || f >= seen[i - 1]!))).toBe(true);
  });

  it('stops with ParseCancelled when the signal is aborted', async () => {
    const controller = new AbortController();
    const opts: ParseOptions = {
      pieceBytes: 100,
      signal: controller.signal,
      onProgress: (f) => {
        if (f > 0.2) controller.abort();
      },
    };
    await expect(parseText(text, opts)).rejects.toBeInstanceOf(ParseCancelled);
  });
});

describe('duplicate detection hashes', () => {
  it('hashes parts exactly as the joined key, so parts cannot run into each other', () => {
    expect(hash53Parts(['a', 'b'])).toBe(hash53('a\u001fb'));
    expect(hash53Parts(['ab', ''])).not.toBe(hash53Parts(['a', 'b']));
    expect(Number.isSafeInteger(hash53('测试单位\u001f2023'))).toBe(true);
  });
});
