// Messages of src/domain/codes/storage.ts.
import type { AreaMessages } from './area';

const ACT_ZH = '这个批次已从图表中移除：请在“数据管理”页回滚它，或重新导入原文件';
const ACT_EN = 'the batch is left out of the charts: roll it back on the Data page, or import its file again.';

export const storageMessages: AreaMessages<'storage'> = {
  'zh-CN': {
    chunk_checksum: `批次 #{id}（{file}）已损坏：第 {seq} 块数据与导入时的校验和不符，数字可能被改动。${ACT_ZH}`,
    chunk_header: `批次 #{id}（{file}）已损坏：第 {seq} 块的类型或行数与批次不符。${ACT_ZH}`,
    chunk_column: `批次 #{id}（{file}）已损坏：第 {seq} 块的“{field}”列缺失或长度不对。${ACT_ZH}`,
    chunk_codes: `批次 #{id}（{file}）已损坏：第 {seq} 块的“{field}”列引用了不存在的文字。${ACT_ZH}`,
    chunk_number: `批次 #{id}（{file}）已损坏：第 {seq} 块的“{field}”列有无效的数字。${ACT_ZH}`,
    chunk_value: `批次 #{id}（{file}）已损坏：第 {seq} 块的“{field}”列有无效的取值。${ACT_ZH}`,
    chunks_missing: `批次 #{id}（{file}）已损坏：应有 {rows} 行，只找到 {found} 行。${ACT_ZH}`,
  },
  en: {
    chunk_checksum: `Batch #{id} ({file}) is damaged: block {seq} does not match the checksum written at import, so its figures may have changed; ${ACT_EN}`,
    chunk_header: `Batch #{id} ({file}) is damaged: the kind or row count of block {seq} is not its batch’s; ${ACT_EN}`,
    chunk_column: `Batch #{id} ({file}) is damaged: the column {field} of block {seq} is missing or of the wrong length; ${ACT_EN}`,
    chunk_codes: `Batch #{id} ({file}) is damaged: the column {field} of block {seq} refers to text that is not there; ${ACT_EN}`,
    chunk_number: `Batch #{id} ({file}) is damaged: the column {field} of block {seq} holds invalid numbers; ${ACT_EN}`,
    chunk_value: `Batch #{id} ({file}) is damaged: the column {field} of block {seq} holds invalid values; ${ACT_EN}`,
    chunks_missing: `Batch #{id} ({file}) is damaged: it should hold {rows} rows, but only {found} were found; ${ACT_EN}`,
  },
};
