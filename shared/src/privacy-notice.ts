/** The privacy notice residents accept. Bump the version whenever the text changes in substance. */
export const PRIVACY_NOTICE = {
  version: '2026-11-01',
  title: '安迁通隐私保护指引',
  sections: [
    {
      heading: '我们收集哪些信息',
      body: '为办理避险搬迁登记、补助测算、就业培训报名和诉求答复，我们会收集您的微信标识、手机号、家庭成员姓名、房屋和灾害隐患情况。只收集办理业务所必需的信息。',
    },
    {
      heading: '我们如何使用和保护',
      body: '信息仅用于搬迁安置相关业务，由本县自然资源、住建、农业农村、人社等部门在各自职责内使用；全部存储在中国境内，加密保存，工作人员查看完整信息会被记录。',
    },
    {
      heading: '您的权利',
      body: '您可以随时查看、复制、更正您的信息，也可以申请删除或撤回同意。撤回同意不影响撤回前已办理的业务，但之后需要个人信息的功能将无法使用。',
    },
  ],
  sensitive: {
    heading: '敏感个人信息单独告知',
    body: '身份证号属于敏感个人信息。核实户籍和发放补助需要用到户主及家庭成员的身份证号，我们会加密保存，列表中只显示部分号码。不满 14 周岁的家庭成员，须由监护人同意后填写。',
  },
} as const;
