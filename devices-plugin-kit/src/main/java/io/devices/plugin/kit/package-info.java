/**
 * The contract test kit of the devices server's plugins: JUnit 5 test classes that check a plugin
 * keeps the contract the SPI's Javadoc states. A vendor adds {@code io.devices:devices-plugin-kit}
 * with test scope and extends one class per plugin:
 *
 * <ul>
 *   <li>{@link io.devices.plugin.kit.CommandTransportContract} for a {@link
 *       io.devices.spi.command.CommandTransport}: implement {@code pluginClass()}, {@code
 *       settings()} (pointing at a real target the test starts) and {@code awaitReceived(messages)}
 *       (what the target saw); optionally {@code invalidSettings()} (for a plugin with settings),
 *       {@code refusedDeviceId()} and {@code takeTargetDown()} / {@code bringTargetUp()}.
 *   <li>{@link io.devices.plugin.kit.ExportFormatContract} for an {@link
 *       io.devices.spi.export.ExportFormat}: implement {@code pluginClass()} and {@code
 *       verify(bytes, devices)}, which reads the format's output back; optionally {@code
 *       settings()} and {@code invalidSettings()}.
 * </ul>
 *
 * <p>Both check what every plugin must do ({@link io.devices.plugin.kit.PluginContract}): it is
 * registered in {@code META-INF/services}, has a public no-argument constructor and an id that
 * follows {@link io.devices.spi.Plugin#ID_PATTERN}, starts with its settings, refuses invalid ones
 * (or, without settings, ignores unknown keys), and stops twice without harm. A test whose optional
 * hook is missing is reported as aborted with the reason, so a build report shows what was not
 * checked.
 */
package io.devices.plugin.kit;
