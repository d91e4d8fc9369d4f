<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("keywardAccessDeniedTitle")}
    <#elseif section = "form">
        <p id="keyward-access-denied-text">${msg("keywardAccessDeniedText", advancedMsg(keywardClientName))}</p>
        <form id="keyward-access-denied-form" action="${url.loginAction}" method="post">
            <button class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}"
                    type="submit" name="back" id="keyward-back-to-application">${msg("keywardBackToApplication")}</button>
        </form>
    </#if>
</@layout.registrationLayout>
