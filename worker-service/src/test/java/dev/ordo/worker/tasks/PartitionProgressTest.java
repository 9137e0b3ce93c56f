package dev.ordo.worker.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PartitionProgressTest {

    final PartitionProgress progress = new PartitionProgress();

    @Test
    void nothing_is_committed_while_the_first_task_has_not_reported_however_many_behind_it_have() {
        progress.taken(10);
        progress.taken(11);
        progress.taken(12);

        progress.done(11);
        progress.done(12);

        assertThat(progress.toCommit()).isEmpty();
        assertThat(progress.waiting()).isEqualTo(3);
    }

    @Test
    void once_the_first_task_reports_the_commit_moves_past_every_done_task_up_to_the_next_that_is_not() {
        progress.taken(10);
        progress.taken(11);
        progress.taken(12);
        progress.taken(13);
        progress.done(11);

        progress.done(10);

        assertThat(progress.toCommit()).hasValue(12);
        assertThat(progress.waiting()).isEqualTo(2);
    }

    @Test
    void an_offset_already_committed_is_not_offered_again_and_gaps_in_offsets_do_not_matter() {
        progress.taken(3);
        progress.taken(7);
        progress.done(3);
        progress.done(7);
        assertThat(progress.toCommit()).hasValue(8);

        progress.committed(8);

        assertThat(progress.toCommit()).isEmpty();
    }

    @Test
    void a_done_offset_that_was_not_taken_is_ignored() {
        progress.taken(5);

        progress.done(4);

        assertThat(progress.toCommit()).isEmpty();
    }

    @Test
    void with_every_task_done_the_commit_moves_to_the_consumer_s_position_past_the_commit_marker() {
        progress.taken(10);
        progress.done(10);

        progress.caughtUp(12);

        assertThat(progress.toCommit()).hasValue(12);
    }

    @Test
    void the_consumer_s_position_never_moves_the_commit_past_a_task_that_has_not_reported() {
        progress.taken(10);
        progress.taken(11);
        progress.done(10);

        progress.caughtUp(13);

        assertThat(progress.toCommit()).hasValue(11);
    }
}
