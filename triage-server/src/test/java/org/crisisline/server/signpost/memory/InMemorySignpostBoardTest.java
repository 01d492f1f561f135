package org.crisisline.server.signpost.memory;

import org.crisisline.server.signpost.SignpostBoard;
import org.crisisline.server.signpost.SignpostBoardContract;
import org.junit.jupiter.api.DisplayName;

@DisplayName("the in-memory café signpost board")
class InMemorySignpostBoardTest extends SignpostBoardContract {
    @Override
    protected SignpostBoard newBoard() {
        return new InMemorySignpostBoard();
    }
}
