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
      name: 'domain-imports-domain-and-shared',
      comment:
        "A rule reads only rules: its own domain/ folder, another module's domain/, src/shared/ (dates, decimals, Vietnamese numbers and words, roles, the document model) and decimal.js.",
      severity: 'error',
      from: { path: '(^|/)domain/', pathNot: '\\.spec\\.ts$' },
      to: { pathNot: ['(^|/)domain/', '^src/shared/', 'node_modules/decimal\\.js/', '^node:crypto$'] },
    },
    {
      name: 'shared-is-pure',
      comment: 'src/shared/ holds pure helpers every layer may use: it imports nothing of the app and no framework.',
      severity: 'error',
      from: { path: '^src/shared/', pathNot: '\\.spec\\.ts$' },
      to: { pathNot: ['^src/shared/', 'node_modules/decimal\\.js/'] },
    },
    {
      name: 'no-foreign-repository',
      comment: "Modules talk through exported services: no module imports another module's repository.",
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/([^/]+)/.*\\.repository\\.ts$', pathNot: '^src/modules/$1/' },
    },
    {
      name: 'controllers-are-http-only',
      comment: 'A controller takes HTTP in and gives a DTO out through one service call: no ORM, no SQL.',
      severity: 'error',
      from: { path: '\\.controller\\.ts$' },
      to: { path: 'node_modules/(typeorm|@nestjs/typeorm|pg)/' },
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
