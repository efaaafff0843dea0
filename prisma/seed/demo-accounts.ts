// The demo accounts the README lists. One password for all of them, so a visitor can try every role.
export const DEMO_PASSWORD = "demo-password";

export const demoAccounts = [
  { key: "admin", email: "admin@example.org", name: "系统管理员 Admin", affiliation: "粤港澳大湾区新能源汽车产业技术联盟", isAdmin: true, locale: "zh_CN" },
  { key: "chair", email: "chair@example.org", name: "陈志远", affiliation: "广州汽车工程研究院", isAdmin: false, locale: "zh_CN" },
  { key: "secretary", email: "secretary@example.org", name: "林晓敏", affiliation: "联盟秘书处", isAdmin: false, locale: "zh_CN" },
  { key: "editor1", email: "editor1@example.org", name: "王磊", affiliation: "深圳快充科技有限公司", isAdmin: false, locale: "zh_CN" },
  { key: "editor2", email: "editor2@example.org", name: "Grace Ho", affiliation: "香港智能交通研究中心", isAdmin: false, locale: "en" },
  { key: "member1", email: "member1@example.org", name: "张伟", affiliation: "佛山新能源汽车有限公司", isAdmin: false, locale: "zh_CN" },
  { key: "member2", email: "member2@example.org", name: "刘洋", affiliation: "珠海电驱动系统有限公司", isAdmin: false, locale: "zh_CN" },
  { key: "member3", email: "member3@example.org", name: "黄静", affiliation: "东莞储能电池有限公司", isAdmin: false, locale: "zh_CN" },
  { key: "member4", email: "member4@example.org", name: "Daniel Leong", affiliation: "澳门电力股份有限公司", isAdmin: false, locale: "en" },
  { key: "observer", email: "observer@example.org", name: "赵敏", affiliation: "广东省标准化研究院", isAdmin: false, locale: "zh_CN" },
] as const;

export type DemoAccountKey = (typeof demoAccounts)[number]["key"];
