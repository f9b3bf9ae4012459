// Messages of src/domain/codes/file.ts.
import type { AreaMessages } from './area';

const SAVE_AS_ZH = '请在 Excel 或 WPS 中“另存为”CSV（UTF-8 或 GBK 编码）后再导入';
const SAVE_AS_EN = 'save it as CSV (UTF-8 or GBK) in Excel or WPS, then import it.';

export const fileMessages: AreaMessages<'file'> = {
  'zh-CN': {
    empty_file: '文件是空的：没有可导入的数据',
    extension_mismatch_text:
      '文件的扩展名是 {extension}，但内容是纯文本，不是 {extension} 文件：可能是改了扩展名的 CSV 或文本文件。请用原来的扩展名（.csv 或 .txt）上传，或在 Excel/WPS 中打开后另存为 {extension}',
    extension_mismatch_html:
      '文件的扩展名是 {extension}，但内容是网页（HTML），不是 {extension} 文件（有些系统这样导出表格）：请在 Excel 或 WPS 中打开它，另存为 .xlsx 后再上传',
    extension_mismatch:
      '文件的扩展名是 {extension}，但内容不是 {extension} 文件，也不是文本：文件可能已损坏，或被改了扩展名。请从原始来源重新导出或获取',
    read_as_csv: '文件的扩展名是 {extension}，但内容是纯文本：已按 CSV 文件读取',
    no_rows: '没有可导入的数据行：只有表头',
    not_text: `不是文本文件：${SAVE_AS_ZH}`,
    xlsx_file: `这是 Excel 工作簿（.xlsx）或其他压缩文件，不是 CSV 文本文件：${SAVE_AS_ZH}`,
    xls_file: `这是 Excel 97-2003 工作簿（.xls），不是 CSV 文本文件：${SAVE_AS_ZH}`,
    pdf_file: '这是 PDF 文件，不是 CSV 文本文件：请把数据整理到 Excel 后另存为 CSV',
    utf16_file: '文件是 UTF-16 编码（Excel 的“Unicode 文本”），无法导入：请另存为 UTF-8 或 GBK 编码的 CSV',
    legacy_encoding: `文件是 {encoding} 编码，无法导入：${SAVE_AS_ZH}`,
    unknown_encoding:
      '无法识别文件编码：既不是 UTF-8 也不是 GBK/GB18030。请另存为“CSV UTF-8（逗号分隔）”或 GBK 编码的 CSV',
    replacement_character:
      '含有无法识别的字符：{value}（这里的字节不是文件编码的文字，可能是从其他编码的文件粘贴或文件被截断）。请改正这个单元格，或重新另存为 CSV UTF-8',
    unclosed_quote: '引号不成对：第 {cell} 个字段以引号开始，但没有结束的引号',
    quote_misplaced: '引号位置不对：第 {cell} 个字段的结束引号后面还有文字；字段中的引号要写成两个（""）',
    too_many_fields: '这一行有 {cells} 个字段，多于表头的 {columns} 列：含有分隔符的单元格要用双引号括起来',
  },
  en: {
    empty_file: 'The file is empty: there is nothing to import.',
    extension_mismatch_text:
      'The file is named {extension} but holds plain text, not a {extension} file: a CSV or text file renamed, most likely. Upload it under its own extension (.csv or .txt), or open it in Excel or WPS and save it as {extension}.',
    extension_mismatch_html:
      'The file is named {extension} but is a web page (HTML), not a {extension} file (some systems export tables this way): open it in Excel or WPS, save it as .xlsx and upload that.',
    extension_mismatch:
      'The file is named {extension} but is neither a {extension} file nor text: it may be damaged or renamed. Export it again or get another copy from its source.',
    read_as_csv: 'The file is named {extension} but holds plain text: it was read as a CSV file.',
    no_rows: 'No data rows to import: the file has only a header.',
    not_text: `Not a text file: ${SAVE_AS_EN}`,
    xlsx_file: `This is an Excel workbook (.xlsx) or another zip file, not a CSV text file: ${SAVE_AS_EN}`,
    xls_file: `This is an Excel 97–2003 workbook (.xls), not a CSV text file: ${SAVE_AS_EN}`,
    pdf_file: 'This is a PDF file, not a CSV text file: put the data into Excel and save it as CSV.',
    utf16_file:
      'The file is UTF-16 encoded (Excel’s “Unicode text”) and cannot be imported: save it as CSV in UTF-8 or GBK.',
    legacy_encoding: `The file is encoded in {encoding}, which cannot be imported: ${SAVE_AS_EN}`,
    unknown_encoding:
      'Unknown encoding: the file is neither UTF-8 nor GBK/GB18030. Save it as “CSV UTF-8 (comma delimited)” or as CSV in GBK.',
    replacement_character:
      'Unreadable characters: {value} (these bytes are not text in the file’s encoding: pasted from a file in another encoding, or the file was cut short). Correct this cell, or save the file as CSV UTF-8 again.',
    unclosed_quote: 'Unbalanced quotes: field {cell} opens a quote that never closes.',
    quote_misplaced:
      'Misplaced quote: field {cell} has text after its closing quote; a quote inside a field is written twice ("").',
    too_many_fields:
      'This row has {cells} fields but the header has only {columns}: a cell that contains the delimiter must be in double quotes.',
  },
};
