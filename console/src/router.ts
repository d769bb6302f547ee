import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { tokens } from './auth/session';
import { mayOversee } from './oversight/access';
import { mayUseFacilities } from './facilities/access';
import { mayUseOperations } from './operations/access';
import { mayReadAudit, maySetUpPlatform, mayUseApiKeys } from './admin/access';
import { mayExportPersonalData } from './personaldata/access';
import { mayReadRecords } from './auth/records';

/**
 * The console's pages. The gateway answers each of these paths with index.html (ConsoleRoutes.PAGES in
 * gateway's console package lists the same prefixes): a page opened directly or reloaded works.
 */
const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/work' },
  { path: '/signin', name: 'signin', component: () => import('./views/SignIn.vue'), meta: { public: true } },
  // Where the identity provider sends the browser back with the authorization code (auth/identityProvider.ts).
  { path: '/signin/callback', name: 'signin-callback', component: () => import('./views/SignInCallback.vue'), meta: { public: true } },
  { path: '/work', name: 'work', component: () => import('./views/MyWork.vue') },
  { path: '/clues', name: 'clues', component: () => import('./views/ClueList.vue'), meta: { mayOpen: mayReadRecords } },
  { path: '/clues/:id', name: 'clue', component: () => import('./views/ClueDetail.vue'), props: true, meta: { mayOpen: mayReadRecords } },
  { path: '/cases', name: 'cases', component: () => import('./views/CaseSearch.vue'), meta: { mayOpen: mayReadRecords } },
  { path: '/cases/:id', name: 'case', component: () => import('./views/CaseDetail.vue'), props: true, meta: { mayOpen: mayReadRecords } },
  { path: '/transfers', name: 'transfers', component: () => import('./views/TransferBoard.vue'), meta: { mayOpen: mayReadRecords } },
  { path: '/transfers/:id', name: 'transfer', component: () => import('./views/TransferDetail.vue'), props: true, meta: { mayOpen: mayReadRecords } },
  // Only for those the services let see it (the oversight agencies, agency heads): the nav shows it to them alone.
  { path: '/oversight', name: 'oversight', component: () => import('./views/OversightDashboard.vue'), meta: { oversight: true } },
  // Joint operations (专项行动): for readers (officers, handlers, heads); the services decide which operations each sees.
  { path: '/operations', name: 'operations', component: () => import('./views/OperationList.vue'), meta: { operations: true } },
  { path: '/operations/:id', name: 'operation', component: () => import('./views/OperationDetail.vue'), props: true, meta: { operations: true } },
  // Captive-breeding facilities (人工繁育机构): forestry and the oversight agencies; '/facilities/draws' before ':id'.
  { path: '/facilities', name: 'facilities', component: () => import('./views/FacilityRegistry.vue'), meta: { facilities: true } },
  { path: '/facilities/draws/:id?', name: 'facility-draw', component: () => import('./views/FacilityDraw.vue'), props: true, meta: { facilities: true } },
  { path: '/facilities/:id', name: 'facility', component: () => import('./views/FacilityDetail.vue'), props: true, meta: { facilities: true } },
  // The species catalogue (物种名录): read by every signed-in officer; the page offers its import to the system administrator alone.
  { path: '/admin/species', name: 'admin-species', component: () => import('./views/AdminSpecies.vue') },
  // 三员分立: each administrator's pages (the services refuse the others anyway); the agency head's lawful export.
  { path: '/admin/keys', name: 'admin-keys', component: () => import('./views/AdminApiKeys.vue'), meta: { mayOpen: mayUseApiKeys } },
  { path: '/admin/webhooks', name: 'admin-webhooks', component: () => import('./views/AdminWebhooks.vue'), meta: { mayOpen: maySetUpPlatform } },
  { path: '/admin/rules', name: 'admin-rules', component: () => import('./views/AdminRules.vue'), meta: { mayOpen: maySetUpPlatform } },
  { path: '/admin/audit', name: 'admin-audit', component: () => import('./views/AuditTrail.vue'), meta: { mayOpen: mayReadAudit } },
  { path: '/personal-data', name: 'personal-data', component: () => import('./views/PersonalDataExport.vue'), meta: { mayOpen: mayExportPersonalData } },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./views/NotFound.vue') },
];

export const router = createRouter({ history: createWebHistory(), routes });

router.beforeEach((to) => {
  if (!to.meta.public && !tokens.signedIn()) {
    return { name: 'signin', query: to.fullPath === '/work' ? {} : { next: to.fullPath } };
  }
  if (to.meta.oversight === true && !mayOversee(tokens.view.session?.user)) {
    return { name: 'work' };
  }
  if (to.meta.operations === true && !mayUseOperations(tokens.view.session?.user)) {
    return { name: 'work' };
  }
  if (to.meta.facilities === true && !mayUseFacilities(tokens.view.session?.user)) {
    return { name: 'work' };
  }
  const mayOpen = to.meta.mayOpen as ((user: { agency: string; region: string; roles: readonly string[] } | null) => boolean) | undefined;
  if (mayOpen && !mayOpen(tokens.view.session?.user ?? null)) {
    return { name: 'work' };
  }
  return true;
});
