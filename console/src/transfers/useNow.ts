import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue';

/** The current time, ticking every `everyMs` while the component is mounted (countdowns read it). */
export function useNow(everyMs = 1000): Ref<number> {
  const now = ref(Date.now());
  let timer: ReturnType<typeof setInterval> | null = null;
  onMounted(() => {
    timer = setInterval(() => {
      now.value = Date.now();
    }, everyMs);
  });
  onBeforeUnmount(() => {
    if (timer !== null) clearInterval(timer);
  });
  return now;
}
