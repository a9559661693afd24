// Jest runs globalSetup outside its ESM module system, so it uses the compiled copy that scripts/test.sh builds
// (tsc emits test/ along with src/ into dist/).
export default async function globalSetup() {
  const { prepareTemplate } = await import('../../dist/test/setup/template.js');
  await prepareTemplate();
}
