// Imported first by every bench entry point: src/log.ts reads LOG_LEVEL when it is loaded, and
// a benchmark that logs each request would measure the logger and flood the table.
process.env.LOG_LEVEL = 'silent';
