import { Alert, Stack, Text, Title } from '@mantine/core';
import { useMe } from '../../app/auth.tsx';
import { MoodCheckInCard } from '../journal/MoodCheckInCard.tsx';
import { AftercareCard } from './home/AftercareCard.tsx';
import { EducationCard } from './home/EducationCard.tsx';
import { HomeCard } from './home/HomeCard.tsx';
import { JournalCard } from './home/JournalCard.tsx';
import { NextVisitCard } from './home/NextVisitCard.tsx';
import { ProgressCard } from './home/ProgressCard.tsx';
import { ToDoCard } from './home/ToDoCard.tsx';

/**
 * The portal home, phone first (one column at 390 px): the next visit and how to prepare, what the clinic
 * is waiting for (forms, consents, intake), the daily mood check-in, the journal, progress in plain words, the after-care sheet of
 * the last session and the education pages. Each card is a labelled section with its own heading; the
 * crisis line is in the portal layout above every page.
 */
export function PortalHome() {
  const me = useMe();
  const patientId = me.patientId;
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>Welcome</Title>
        <Text size="sm" c="dimmed">
          Your care at {me.clinic.name}, in one place.
        </Text>
      </div>
      {!patientId ? (
        <Alert color="indigo" variant="light">
          Your account is not linked to a patient record yet. Please contact the clinic.
        </Alert>
      ) : (
        <>
          <HomeCard id="next-visit" title="Your next visit">
            <NextVisitCard />
          </HomeCard>
          <HomeCard id="to-do" title="To do">
            <ToDoCard patientId={patientId} />
          </HomeCard>
          <MoodCheckInCard />
          <HomeCard id="journal" title="Journal">
            <JournalCard />
          </HomeCard>
          <HomeCard id="progress" title="Your progress">
            <ProgressCard patientId={patientId} />
          </HomeCard>
          <HomeCard id="aftercare" title="After your session">
            <AftercareCard />
          </HomeCard>
          <HomeCard id="learn" title="Learn about your treatment">
            <EducationCard />
          </HomeCard>
        </>
      )}
    </Stack>
  );
}
