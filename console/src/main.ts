import { createApp, watch } from 'vue';
import 'element-plus/theme-chalk/base.css';
import './style.css';
import App from './App.vue';
import { router } from './router';
import { i18n } from './i18n';
import { tokens } from './auth/session';

const app = createApp(App);
app.use(i18n);
app.use(router);

// When the session ends by itself (expiry, or a 401 from the gateway), go back to the sign-in page.
watch(
  () => tokens.view.session,
  (session) => {
    if (session === null && router.currentRoute.value.meta.public !== true) {
      const reason = tokens.view.lastReason ?? 'signed-out';
      const query: Record<string, string> = { reason };
      if (reason !== 'signed-out') {
        query.next = router.currentRoute.value.fullPath;
      }
      void router.replace({ name: 'signin', query });
    }
  },
);

app.mount('#app');
