/**
 * Loaded into `astro build` by scripts/build.ts (NODE_OPTIONS --import): the child ends as soon as
 * the build that started it is gone, killed or not, instead of writing on into a folder the next
 * build will use.
 */
const startedBy = process.ppid;
setInterval(() => {
  if (process.ppid !== startedBy) process.kill(process.pid, 'SIGKILL');
}, 250).unref();

export {};
