import { MantineProvider } from '@mantine/core';
import './features.ts';
import { AppRoutes } from './AppRoutes.tsx';
import { AuthProvider } from './auth.tsx';
import { QueryProvider } from './query.tsx';
import { RouterProvider } from './router.tsx';
import { cssVariablesResolver, memoryColorSchemeManager, theme } from './theme.ts';

export function App() {
  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      colorSchemeManager={memoryColorSchemeManager}
      forceColorScheme="light"
      env={import.meta.env.MODE === 'test' ? 'test' : 'default'}
    >
      <QueryProvider>
        <RouterProvider>
          <AuthProvider>
            <AppRoutes />
          </AuthProvider>
        </RouterProvider>
      </QueryProvider>
    </MantineProvider>
  );
}
