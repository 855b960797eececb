import type { Section } from './report';
export const offlineSection: Section = { name: 'offline', title: 'todo', run() {} };
