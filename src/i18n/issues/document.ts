// Messages of src/domain/codes/document.ts.
import type { AreaMessages } from './area';

export const documentMessages: AreaMessages<'document'> = {
  'zh-CN': {
    docx_not_docx: '不是 Word 文档（.docx）：文件不是 zip 包，或其中没有正文（word/document.xml）',
    docx_bad_xml: 'Word 文档已损坏：正文 XML 无法读取',
    pdf_unreadable: '无法打开此 PDF：{detail}',
    pdf_encrypted: 'PDF 设有密码，无法读取：请先解除密码后再上传',
    pdf_no_text:
      '此 PDF 没有文字层（共 {pages} 页，可能是扫描件）：本系统不做文字识别（OCR），请上传带文字的 PDF 或 Word 文档',
    txt_not_text: '不是文本文件，或编码既非 UTF-8 也非 GB18030',
    document_empty: '文档中没有任何文字',
    document_unsupported: '不支持的报告格式：{name}（可上传 .docx、带文字层的 .pdf 或 .txt）',
    report_is_form: '这是绩效自评表（项目支出或部门整体支出），不是评价报告：自评表请在上方“导入文件”中导入',
    report_is_table: '这是数据表（按数据规范的 CSV 或 Excel 表格），不是评价报告：数据表请在上方“导入文件”中导入',
  },
  en: {
    docx_not_docx: 'Not a Word document (.docx): the file is not a zip package, or has no body (word/document.xml).',
    docx_bad_xml: 'The Word document is damaged: its body XML cannot be read.',
    pdf_unreadable: 'This PDF cannot be opened: {detail}',
    pdf_encrypted: 'The PDF is password-protected: remove the password and upload it again.',
    pdf_no_text:
      'This PDF has no text layer ({pages} page, probably a scan): no text recognition (OCR) is done; upload a PDF with text or the Word document. | This PDF has no text layer ({pages} pages, probably a scan): no text recognition (OCR) is done; upload a PDF with text or the Word document.',
    txt_not_text: 'Not a text file, or neither UTF-8 nor GB18030.',
    document_empty: 'The document holds no text.',
    document_unsupported: 'Not a report format that can be read: {name} (upload .docx, .pdf with text, or .txt).',
    report_is_form:
      'This is a self-evaluation form (project or department), not an evaluation report: import forms with “Import files” above.',
    report_is_table:
      'This is a data table (CSV or Excel in the data contract’s layout), not an evaluation report: import it with “Import files” above.',
  },
};
