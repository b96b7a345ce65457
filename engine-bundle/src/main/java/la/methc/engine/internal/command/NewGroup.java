package la.methc.engine.internal.command;

import la.methc.engine.internal.osc.Client;
import la.methc.engine.internal.tree.Group;

/** {@code /group/new i:id i:target i:addAction [i:parallel]}. The group object is made on the network thread. */
public final class NewGroup extends Command {

    private final Group group;
    private final int target;
    private final int addAction;

    public NewGroup(Client client, Group group, int target, int addAction) {
        super(CommandText.groupNew(), client);
        this.group = group;
        this.target = target;
        this.addAction = addAction;
    }

    @Override
    public void perform(RtContext rt, int offset) {
        NodeCommand.insert(rt, this, group, target, addAction);
    }
}
