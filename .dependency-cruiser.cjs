/** Module boundaries from STYLE.md, checked by `npm test` (and `npm run lint:boundaries`). */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'domain/ is pure TypeScript: no Nest, no TypeORM, no BullMQ, no I/O. Inputs in, results out.',
      severity: 'error',
      from: { path: '(^|/)domain/' },
      to: {
        path: [
          'node_modules/(@nestjs|typeorm|bullmq|ioredis|pg|pdfkit|exceljs|express)/',
          '^(fs|net|http|https|child_process)$',
          '^node:(fs|net|http|https|child_process)',
        ],
      },
    },
    {
      name: 'no-pdfkit-or-bullmq-in-services',
      comment: 'Services reach pdfkit and BullMQ through adapters in core/.',
      severity: 'error',
      from: { path: '^src/modules/.*\\.service\\.ts$' },
      to: { path: 'node_modules/(pdfkit|bullmq)/' },
    },
    {
      name: 'core-does-not-reach-into-features',
      comment:
        'core/ is shared infrastructure; features depend on it, not the other way round (entities excepted: users hang off agencies).',
      severity: 'error',
      from: { path: '^src/core/', pathNot: '\\.entity\\.ts$' },
      to: { path: '^src/modules/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
