// Words of the dashboard's newer parts: the warnings (结果应用), the standard dimensions of
// level-1 indicators, and what a printed page or saved chart says about itself.
export const viewsZhCN = {
  warnings: {
    title: '结果应用：预警',
    intro: '按下列阈值列出需要关注的单位和项目：红色需立即处理，黄色需说明原因，绿色为达标。阈值保存在链接中。',
    th: {
      rate: '执行率低于',
      carryover: '结转结余率高于',
      scoreAmber: '得分低于（黄）',
      scoreRed: '得分低于（红）',
      fall: '得分较上年下降超过',
    },
    counts: '各级预警数量',
    level: { red: '红色', amber: '黄色', green: '绿色' },
    list: '预警记录（{n} 条）',
    none: '所选范围内没有超过阈值的记录。',
    col: { level: '预警', reasons: '原因' },
    reason: {
      lowRate: '执行率 {value}，低于 {limit}',
      highCarryover: '结转结余率 {value}，高于 {limit}',
      lowScore: '得分 {value}，低于 {limit} 分',
      scoreFall: '得分较 {year} 年（{from}）{change}',
    },
  },
  dimension: {
    decision: '决策',
    process: '过程',
    output: '产出',
    benefit: '效益',
    satisfaction: '满意度',
    cost: '成本',
    execution: '预算执行',
  },
  context: {
    colon: '：',
    printed: '打印日期：{date}',
    version: '数据版本：批次 {id}（{file}，{date} 提交）',
  },
};
